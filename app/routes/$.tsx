import { notFound } from "~/auth/viewer.server";

// Any unknown address: the root error boundary shows the Dutch "pagina niet gevonden".
export async function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}
