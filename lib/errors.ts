// The errors a user can meet. Each carries its exit status and, when it is
// about a file, the place in that file. Messages are built in messages.ts.

export interface Place {
  file?: string;
  line?: number;
  column?: string | number;
}

export class QuartiersError extends Error {
  readonly exitCode: number;
  readonly place: Place;
  constructor(message: string, exitCode: number, place: Place = {}) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.place = place;
  }
}

/** Invalid or unreadable data: nothing is published. Exit status 1. */
export class DataError extends QuartiersError {
  constructor(message: string, place: Place = {}) {
    super(message, 1, place);
  }
}

/** A command line that cannot be understood. Exit status 2. */
export class UsageError extends QuartiersError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** Another run holds the output folder. Exit status 3. */
export class LockedError extends QuartiersError {
  constructor(message: string) {
    super(message, 3);
  }
}

/** Several data errors found in one pass, reported together. */
export class DataErrors extends DataError {
  readonly errors: DataError[];
  constructor(errors: DataError[]) {
    super(errors.map((e) => e.message).join('\n'), errors[0]?.place ?? {});
    this.errors = errors;
  }
}
