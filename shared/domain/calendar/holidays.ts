import { decidedYears } from './decided-years';
import type { HolidayYear } from './holiday-types';
import { statutoryYears } from './statutory-years';

export type { DayOffPeriod, HolidayYear, MakeUpWorkday, SourceDocument, YearStatus } from './holiday-types';

/** Every year covered, 2020 through 2030, in order: decided years first, then statutory ones. */
export const vietnamHolidayYears: readonly HolidayYear[] = [...decidedYears, ...statutoryYears];
