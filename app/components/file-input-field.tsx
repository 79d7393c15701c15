import type { ScalarField } from "~/forms/types";
import type { UploadedFile } from "./form-fields";
import { fieldId } from "./forms";

const ACCEPT: Record<Extract<ScalarField, { type: "file" }>["accept"], { accept: string; hint: string }> = {
  pdf: { accept: "application/pdf,.pdf", hint: "PDF, hoogstens 20 MB." },
  "pdf-or-spreadsheet": {
    accept: "application/pdf,.pdf,.xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet",
    hint: "PDF, XLSX of ODS, hoogstens 20 MB.",
  },
};

const size = new Intl.NumberFormat("nl-BE", { maximumFractionDigits: 1 });

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${size.format(bytes / 1024 / 1024)} MB` : `${size.format(Math.max(1, bytes / 1024))} kB`;
}

/** A file question of a form step: what is uploaded, a remove button, and a new upload. */
export function FileInputField({
  field,
  error,
  files,
}: {
  field: Extract<ScalarField, { type: "file" }>;
  error?: string;
  files: UploadedFile[];
}) {
  const id = fieldId(field.name);
  const accept = ACCEPT[field.accept];
  const full = field.maxFiles !== undefined && files.length >= field.maxFiles;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>
        {field.label}
        {field.required ? null : <span className="optional"> (optioneel)</span>}
      </label>
      <p id={`${id}-hint`} className="hint">
        {field.hint ? `${field.hint} ` : ""}
        {accept.hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Fout: </span>
          {error}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="uploads">
          {files.map((file) => (
            <li key={file.id}>
              <a href={`/bijlagen/${file.id}`}>{file.fileName}</a> ({formatSize(file.sizeBytes)}){" "}
              <button type="submit" name="intent" value={`remove-attachment:${file.id}`} className="button button--secondary button--small">
                <span className="visually-hidden">{file.fileName} </span>Verwijderen
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {full ? null : (
        <input
          id={id}
          type="file"
          name={field.name}
          accept={accept.accept}
          multiple={field.maxFiles === undefined || field.maxFiles > 1}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      )}
    </div>
  );
}
