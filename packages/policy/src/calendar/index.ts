export { yearsWithHolidayData } from './holiday-data';
export * from './workdays';
