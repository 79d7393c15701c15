import type { ReactNode } from "react";
import { ATTACHMENT_KINDS, formatFileSize, removeAttachmentIntent, type AttachmentKind } from "~/attachments/file-types";
import { FieldError, fieldId } from "./forms";

export type FileFieldFile = { id: string; fileName: string; sizeBytes: number };

type FileFieldProps = {
  /** The name of the file input (and the key the error summary links to) */
  name: string;
  label: string;
  kind: AttachmentKind;
  /** Files already added to this field */
  files: readonly FileFieldFile[];
  error?: string;
  required?: boolean;
  /** Extra explanation, shown before the accepted types */
  hint?: ReactNode;
  /** Show the "Verwijderen" buttons (see canChangeAttachments) */
  canRemove?: boolean;
};

/**
 * A file input with the files already added to it. Lives inside the wizard's
 * `<form method="post" encType="multipart/form-data">`: each "Verwijderen" is a submit button
 * of that form (intent=remove-attachment:<id>), so removing works without JavaScript and
 * posts what was typed along with it. Same markup and classes as TextField.
 */
export function FileField({ name, label, kind, files, error, required, hint, canRemove = false }: FileFieldProps) {
  const id = fieldId(name);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field--file field--error" : "field field--file"}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> (optioneel)</span>}
      </label>
      <p id={`${id}-hint`} className="hint">
        {hint ? <>{hint} </> : null}
        {ATTACHMENT_KINDS[kind].hint}
      </p>
      {files.length > 0 ? (
        <ul className="file-list" aria-label={`Toegevoegde bestanden: ${label}`}>
          {files.map((file) => (
            <li key={file.id} className="file-list__item">
              <a href={`/bijlagen/${file.id}`} download={file.fileName}>
                {file.fileName}
              </a>{" "}
              <span className="file-list__size">({formatFileSize(file.sizeBytes)})</span>
              {canRemove ? (
                <button
                  type="submit"
                  name="intent"
                  value={removeAttachmentIntent(file.id)}
                  formNoValidate
                  className="button button--secondary"
                >
                  Verwijderen<span className="visually-hidden"> {file.fileName}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <FieldError id={id} message={error} />
      <input
        type="file"
        id={id}
        name={name}
        accept={ATTACHMENT_KINDS[kind].accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required && files.length === 0 ? true : undefined}
      />
    </div>
  );
}
