/**
 * ADR 0001: Node 20.19+ is supported until January 2027; the AWS SDK's reminder about Node 22 is
 * not news to a user. The SDK emits it as a plain Warning whose message starts with its name.
 * Imported first by the local entry points (`npm start`, `npm run bench`); other warnings show.
 */
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'NodeVersionSupportWarning') return;
  if (warning.message.startsWith('NodeVersionSupportWarning')) return;
  console.warn(`${warning.name}: ${warning.message}`);
});

export {};
