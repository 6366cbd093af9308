/**
 * A module's rows, read, with the client names they show still to be filled in. A page that
 * gathers several modules' lists (Today) collects every list's `clientIds`, looks all the names up
 * in one statement and hands them to each `fill`, instead of each module asking for its own.
 */
export type NamesToFill<T> = { clientIds: string[]; fill: (names: ReadonlyMap<string, string>) => T };
