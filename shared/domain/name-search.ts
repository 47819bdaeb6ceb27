/**
 * Folding of Vietnamese names for search: lower case, no diacritics (đ → d), single spaces, only
 * letters and digits. "Lò Văn Thử" and "lo van thu" fold to the same text.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What a name is found by: its whole folded text (a prefix of the full name) and each later word
 * (a prefix of any word; the first word is already a prefix of the whole name).
 */
export function nameSearchTerms(fullName: string): string[] {
  const folded = foldName(fullName);
  if (!folded) return [];
  const words = folded.split(' ');
  return [...new Set([folded, ...words.slice(1)])];
}
