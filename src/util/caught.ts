/**
 * An error the plugin caught where code it does not understand, or another file, must not stop the lint: the rule goes
 * on as if nothing more were known (unknown stays unknown). With `SECURE_EXPRESS_DEBUG` set in the environment, each
 * distinct one is printed to stderr once, with its stack, so that a defect of the plugin does not hide as a missing
 * finding. Silent otherwise.
 */
const printed = new Set<string>();
/** Distinct errors printed at most (a defect met in every file prints once per stack, not once per file). */
const MAX_PRINTED = 100;

export function caught(error: unknown, where: string): void {
  if (!process.env.SECURE_EXPRESS_DEBUG) return;
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const key = `${where}\0${text}`;
  if (printed.has(key) || printed.size >= MAX_PRINTED) return;
  printed.add(key);
  process.stderr.write(`[eslint-plugin-secure-express] ${where}: ${text}\n`);
}
