/**
 * A file-name part for a group key: NFKD-normalised, every run of characters other than letters,
 * digits, `_`, `.` and `-` written as one `-`, leading and trailing `-` trimmed, at most 60
 * characters, `group` when nothing is left. Linear in the key's length: the trim is a scan, not the
 * regex `/^-+|-+$/`, which is quadratic on a long run of `-` (63 s on a 200 KB key). Two keys may give
 * one slug (`Север` and `Юг` both give `group`); the writer ({@link writeAll}) gives each file its own name.
 *
 * @example
 * slug("North / East") //=> "North-East"
 */
export function slug(v: unknown): string {
  const s = String(v).normalize("NFKD").replace(/[^\w.-]+/g, "-");
  let from = 0;
  let to = s.length;
  while (from < to && s.charCodeAt(from) === 45) from++;
  while (to > from && s.charCodeAt(to - 1) === 45) to--;
  return from === to ? "group" : s.slice(from, Math.min(to, from + 60));
}
