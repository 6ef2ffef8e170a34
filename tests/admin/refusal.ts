/** The ImportRefusedError an import ends with (the test fails if it resolves or fails otherwise). */
import { expect } from "vitest";
import { ImportRefusedError } from "../../src/admin/importers/limits.js";

export async function refusal(run: Promise<unknown>): Promise<ImportRefusedError> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportRefusedError);
  return err as ImportRefusedError;
}
