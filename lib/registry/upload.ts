/** Upload checks for the registry CSV import, apart from the action so they are testable. */
export const MAX_MB = 20;
const MAX_BYTES = MAX_MB * 1024 * 1024;

export type FileCheck =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; status: "error"; message: string; params?: Record<string, number> };

/**
 * The uploaded CSV, or the reason it is refused: missing or empty, larger than the limit, not
 * named .csv/.txt, or binary (a NUL byte: a spreadsheet or an archive, not text).
 */
export async function checkCsvUpload(file: FormDataEntryValue | null): Promise<FileCheck> {
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, status: "error", message: "import.chooseFile" };
  if (file.size > MAX_BYTES)
    return { ok: false, status: "error", message: "import.tooLarge", params: { max: MAX_MB } };
  if (!/\.(csv|txt)$/i.test(file.name))
    return { ok: false, status: "error", message: "import.wrongType" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) return { ok: false, status: "error", message: "import.wrongType" };
  return { ok: true, bytes };
}
