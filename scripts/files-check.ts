// `npm run files:check`: compares the stored attachment files in UPLOAD_DIR with the
// Attachment rows of DATABASE_URL. Lists files without a row and rows without a file, and
// exits with 1 when it finds any (for a cron job or a check after restoring a backup).
import { checkStoredFiles } from "~/attachments/file-hygiene.server";
import { uploadDir } from "~/attachments/storage.server";
import { prisma } from "~/db.server";

const result = await checkStoredFiles();
await prisma.$disconnect();

console.log(`Bijlagen in ${uploadDir()}: ${result.files} bestand(en), ${result.rows} rij(en) in de databank.`);
if (result.filesWithoutRow.length > 0) {
  console.log(`\nBestanden zonder rij (${result.filesWithoutRow.length}):`);
  for (const name of result.filesWithoutRow) console.log(`  ${name}`);
}
if (result.rowsWithoutFile.length > 0) {
  console.log(`\nRijen zonder bestand (${result.rowsWithoutFile.length}):`);
  for (const row of result.rowsWithoutFile) {
    console.log(
      `  bijlage ${row.id} van dossier ${row.applicationId}: "${row.fileName}", verwacht ${row.storedName}${row.deleted ? " (verwijderd)" : ""}`,
    );
  }
}
const problems = result.filesWithoutRow.length + result.rowsWithoutFile.length;
if (problems === 0) console.log("Alles in orde: elk bestand hoort bij een rij en elke rij heeft haar bestand.");
process.exit(problems === 0 ? 0 : 1);
