/**
 * The agency's electronic seal on its letters: a PAdES baseline signature (B-B: SubFilter
 * ETSI.CAdES.detached, CMS with the signing-certificate-v2 attribute, the time in the signature
 * dictionary) made with the key and certificate of a PKCS#12 file. Configured with
 * LETTER_SEAL_P12 (the file) and LETTER_SEAL_PASSPHRASE; without them letters are not sealed and
 * say so. See docs/decisions/0044-electronic-seal-pades.md.
 */
import { createHash, createPrivateKey, sign, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { SignPdf } from "@signpdf/signpdf";
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, Signer, SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import forge from "node-forge";

const { asn1, pki } = forge;
type Asn1 = forge.asn1.Asn1;

/** Bytes reserved for the CMS signature: a certificate chain of a few kB fits with room. */
const SIGNATURE_BYTES = 16_384;

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  keyBag: "1.2.840.113549.1.12.10.1.1",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
} as const;

export type SealKey = {
  privateKey: KeyObject;
  /** The sealing certificate first, then the rest of the chain found in the file. */
  certificates: forge.pki.Certificate[];
  /** The certificate's subject common name, for the signature dictionary. */
  name: string;
};

/** The key and certificates of a PKCS#12 file; throws with the reason when it cannot be used. */
export function readSealKey(p12: Buffer, passphrase: string): SealKey {
  const parsed = forge.pkcs12.pkcs12FromAsn1(asn1.fromDer(forge.util.createBuffer(p12.toString("binary"))), false, passphrase);
  const keys = [
    ...(parsed.getBags({ bagType: OID.shroudedKeyBag })[OID.shroudedKeyBag] ?? []),
    ...(parsed.getBags({ bagType: OID.keyBag })[OID.keyBag] ?? []),
  ];
  const key = keys.find((bag) => bag.key)?.key;
  if (!key) throw new Error("Het PKCS#12-bestand van het zegel bevat geen private sleutel.");
  const certificates = (parsed.getBags({ bagType: OID.certBag })[OID.certBag] ?? []).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const rsaKey = key as forge.pki.rsa.PrivateKey; // forge only decodes RSA keys from PKCS#12
  const own = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey; // idem: the certificate of an RSA key
    return publicKey.n.equals(rsaKey.n) && publicKey.e.equals(rsaKey.e);
  });
  if (!own) throw new Error("Het PKCS#12-bestand van het zegel bevat geen certificaat bij de sleutel.");
  const commonName = own.subject.attributes.find((field) => field.shortName === "CN")?.value;
  return {
    privateKey: createPrivateKey(pki.privateKeyToPem(key)),
    certificates: [own, ...certificates.filter((cert) => cert !== own)],
    name: typeof commonName === "string" ? commonName : "Agentschap Integratie en Inburgering",
  };
}

let configured: { path: string; key: SealKey } | null = null;

/**
 * The configured seal, or null when none is configured. A configured one that cannot be read
 * throws: a letter must never say it is sealed when it is not, nor quietly stop being sealed.
 */
export function configuredSeal(): SealKey | null {
  const path = process.env.LETTER_SEAL_P12;
  if (!path) return null;
  if (configured?.path === path) return configured.key;
  const passphrase = process.env.LETTER_SEAL_PASSPHRASE;
  if (passphrase === undefined) throw new Error("LETTER_SEAL_P12 is gezet maar LETTER_SEAL_PASSPHRASE niet.");
  try {
    configured = { path, key: readSealKey(readFileSync(path), passphrase) };
  } catch (error) {
    throw new Error(`Het zegelcertificaat ${path} kan niet gelezen worden: ${error instanceof Error ? error.message : String(error)}`);
  }
  return configured.key;
}

// ASN.1 building blocks (DER).
const sequence = (...items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const objectId = (oid: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes());
const octets = (bytes: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString("binary"));
const integer = (value: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const nothing = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, "");
const tagged = (tag: number, items: Asn1[]) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, items);
const der = (node: Asn1) => Buffer.from(asn1.toDer(node).getBytes(), "binary");
const copy = (node: Asn1) => asn1.fromDer(asn1.toDer(node));
/** DER orders the members of a SET OF by their encoding. */
const sortedByEncoding = (items: Asn1[]) => [...items].sort((a, b) => Buffer.compare(der(a), der(b)));
const setOf = (...items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, sortedByEncoding(items));
const attribute = (oid: string, value: Asn1) => sequence(objectId(oid), setOf(value));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest();

/** The issuer and serial number of a certificate, as its own encoding has them. */
function issuerAndSerial(certificate: forge.pki.Certificate): { issuer: Asn1; serial: Asn1 } {
  const tbs = pki.certificateToAsn1(certificate).value[0] as Asn1; // a Certificate is SEQUENCE { tbsCertificate, … }
  const fields = tbs.value as Asn1[]; // tbsCertificate is a constructed SEQUENCE
  const offset = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0; // the optional [0] version
  return { serial: copy(fields[offset]!), issuer: copy(fields[offset + 2]!) };
}

/** A detached CMS SignedData over `content`, as PAdES B-B wants it (ETSI EN 319 142-1). */
export function padesSignature(content: Buffer, key: SealKey): Buffer {
  const [certificate] = key.certificates;
  const own = issuerAndSerial(certificate!);
  const certificateDer = der(pki.certificateToAsn1(certificate!));
  // signing-certificate-v2 (RFC 5035): the certificate's SHA-256 (the default algorithm, left
  // out) with its issuer as a directoryName [4] and serial number.
  const essCertId = sequence(octets(sha256(certificateDer)), sequence(sequence(tagged(4, [copy(own.issuer)])), copy(own.serial)));
  const signedAttributes = sortedByEncoding([
    attribute(OID.contentType, objectId(OID.data)),
    attribute(OID.messageDigest, octets(sha256(content))),
    attribute(OID.signingCertificateV2, sequence(sequence(essCertId))),
  ]);
  // The signature covers the attributes encoded as a SET OF; in SignerInfo they carry tag [0].
  const signature = sign("sha256", der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, signedAttributes)), key.privateKey);
  const digestAlgorithm = () => sequence(objectId(OID.sha256), nothing());
  const signerInfo = sequence(
    integer(1),
    sequence(copy(own.issuer), copy(own.serial)),
    digestAlgorithm(),
    tagged(0, signedAttributes),
    sequence(objectId(OID.rsaEncryption), nothing()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, signature.toString("binary")),
  );
  const signedData = sequence(
    integer(1),
    setOf(digestAlgorithm()),
    sequence(objectId(OID.data)),
    tagged(
      0,
      key.certificates.map((cert) => pki.certificateToAsn1(cert)),
    ),
    setOf(signerInfo),
  );
  return der(sequence(objectId(OID.signedData), tagged(0, [signedData])));
}

class PadesSigner extends Signer {
  constructor(private readonly key: SealKey) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return padesSignature(pdfBuffer, this.key);
  }
}

export type SealRequest = { key: SealKey; signedAt: Date; reason: string; location: string; contactInfo: string };

/**
 * Adds the signature dictionary (a placeholder for the CMS), an invisible signature field on the
 * current page and the AcroForm to a pdfkit document that is about to end. PDF/A-2: the field's
 * widget is printable (F 4) and has an empty rectangle, so it needs no appearance stream, and the
 * AcroForm has no NeedAppearances. `fontName`: a registered (embedded) font, for the AcroForm's
 * default resources, which pdfkit insists on.
 */
export function addSealPlaceholder(doc: PDFKit.PDFDocument, request: SealRequest, fontName: string): void {
  const placeholder = DEFAULT_BYTE_RANGE_PLACEHOLDER;
  const signature = doc.ref({
    Type: "Sig",
    Filter: "Adobe.PPKLite",
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [0, placeholder, placeholder, placeholder],
    Contents: new Uint8Array(SIGNATURE_BYTES),
    M: request.signedAt,
    Name: new String(request.key.name),
    Reason: new String(request.reason),
    Location: new String(request.location),
    ContactInfo: new String(request.contactInfo),
  });
  signature.end();
  const widget = doc.ref({
    Type: "Annot",
    Subtype: "Widget",
    FT: "Sig",
    F: 4,
    Rect: [0, 0, 0, 0],
    T: new String("Zegel van het agentschap"),
    V: signature,
    P: doc.page.dictionary,
  });
  widget.end();
  // @types/pdfkit types the page's annotations as any; pdfkit keeps them in an array.
  const annotations: unknown = doc.page.annotations;
  if (!Array.isArray(annotations)) throw new Error("pdfkit hield de annotaties van de pagina niet in een lijst bij.");
  annotations.push(widget);
  // pdfkit writes the AcroForm when the document ends, if initForm() made it.
  doc.font(fontName).initForm();
  const form = doc._root.data.AcroForm;
  if (!form) throw new Error("pdfkit maakte geen AcroForm.");
  // Without NeedAppearances (PDF/A-2 forbids it) and DA (there are no text fields); 3: signatures exist, append only.
  delete form.data["NeedAppearances"];
  delete form.data["DA"];
  form.data.Fields.push(widget);
  form.data["SigFlags"] = 3;
}

/** Fills the placeholder of a finished PDF with the seal. */
export async function applySeal(pdf: Buffer, key: SealKey): Promise<Buffer> {
  return new SignPdf().sign(pdf, new PadesSigner(key));
}
