import { AppError } from "@/platform/errors";
import { fileTooBigMessage, type UploadSpec } from "./limits";

/**
 * The file of a form field, or a French field error: missing, empty, or over the limit the form
 * announced. Checked before a byte of it is read.
 */
export function uploadedFile(form: FormData, name: string, options: { maxBytes: number; limitLabel: string; missing: string }): File {
  const file = form.get(name);
  if (!(file instanceof File) || file.size === 0) throw new AppError("validation", { fieldErrors: { [name]: [options.missing] } });
  if (file.size > options.maxBytes) {
    const message = fileTooBigMessage(file.name, file.size, options.limitLabel);
    throw new AppError("file_refused", { message, fieldErrors: { [name]: [message] } });
  }
  return file;
}

/**
 * The one server-side check of an upload form's file (places, column mapping, indicators): present,
 * not empty, within the limit its form announced — then its bytes. Field errors land on `name`.
 */
export async function receiveUpload(form: FormData, spec: UploadSpec, name = "file"): Promise<{ filename: string; bytes: Uint8Array }> {
  const file = uploadedFile(form, name, spec);
  return { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
