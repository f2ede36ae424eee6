export * from './holiday-calendar';
export * from './workdays';
