import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { formatCents } from "~/utils/money";
import { formatDate } from "~/utils/time";

export type LetterContent = {
  reference: string;
  organisationName: string;
  programmeName: string;
  callTitle: string;
  outcomeLabel: string;
  grantedCents: number | null;
  recognitionPeriod: { startsOn: string; endsOn: string } | null;
  motivation: string;
  legalBasis: string;
  decidedAt: Date;
  signatoryRole: string;
};

const styles = StyleSheet.create({
  page: { paddingVertical: 48, paddingHorizontal: 56, fontSize: 10.5, fontFamily: "Helvetica", lineHeight: 1.45 },
  agency: { fontSize: 9, color: "#4a4a48" },
  title: { fontSize: 15, fontFamily: "Helvetica-Bold", marginTop: 28, marginBottom: 14 },
  row: { flexDirection: "row", marginBottom: 3 },
  label: { width: 150, fontFamily: "Helvetica-Bold" },
  value: { flex: 1 },
  heading: { fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 4 },
  footer: { position: "absolute", bottom: 28, left: 56, right: 56, fontSize: 8, color: "#4a4a48" },
});

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.row}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value}</Text>
    </View>
  );
}

/** The decision letter as a PDF: what was decided, why, on what legal basis, by whom. */
export async function renderDecisionLetter(content: LetterContent): Promise<Uint8Array> {
  const document = (
    <Document title={`Beslissing ${content.reference}`} author="Agentschap Integratie en Inburgering" language="nl-BE">
      <Page size="A4" style={styles.page}>
        <Text style={styles.agency}>Agentschap Integratie en Inburgering · Subsidieportaal</Text>
        <Text style={styles.title}>Beslissing over uw aanvraag {content.reference}</Text>
        <Row label="Referentie" value={content.reference} />
        <Row label="Organisatie" value={content.organisationName} />
        <Row label="Programma" value={content.programmeName} />
        <Row label="Oproep" value={content.callTitle} />
        <Row label="Beslissing" value={content.outcomeLabel} />
        {content.grantedCents !== null ? <Row label="Toegekend bedrag" value={formatCents(content.grantedCents)} /> : null}
        {content.recognitionPeriod ? (
          <Row
            label="Erkenningsperiode"
            value={`van ${formatDate(`${content.recognitionPeriod.startsOn}T12:00:00Z`)} tot en met ${formatDate(`${content.recognitionPeriod.endsOn}T12:00:00Z`)}`}
          />
        ) : null}
        <Row label="Datum van de beslissing" value={formatDate(content.decidedAt)} />
        <Text style={styles.heading}>Motivering</Text>
        <Text>{content.motivation}</Text>
        <Text style={styles.heading}>Rechtsgrond</Text>
        <Text>{content.legalBasis}</Text>
        <Text style={styles.heading}>Ondertekening</Text>
        <Text>Voor het Agentschap Integratie en Inburgering, {content.signatoryRole}.</Text>
        <Text style={styles.footer} fixed>
          Dit document werd elektronisch opgemaakt in het subsidieportaal van het Agentschap Integratie en Inburgering.
          Referentie {content.reference}.
        </Text>
      </Page>
    </Document>
  );
  return new Uint8Array(await renderToBuffer(document));
}
