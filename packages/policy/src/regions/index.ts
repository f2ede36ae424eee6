export * from './dongguan';
