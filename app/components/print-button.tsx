import { useEffect, useState } from "react";

/** "Afdrukken": needs JavaScript, so it only appears once the page runs it (else: the browser's own print). */
export function PrintButton() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      Afdrukken of bewaren als PDF
    </button>
  );
}
