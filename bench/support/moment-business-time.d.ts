// moment-business-time ships no types: declare the two methods the benchmark calls.
import 'moment';

declare module 'moment' {
  interface Moment {
    addWorkingTime(amount: number, unit: unitOfTime.Base): Moment;
    workingDiff(other: Moment, unit: unitOfTime.Base, precise?: boolean): number;
  }
}
