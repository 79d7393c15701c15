/**
 * A self-signed demo certificate for the electronic seal, so that a development machine seals
 * its letters like production will (with a qualified certificate of the agency). `npm run setup`
 * makes it outside production; `npm start` and the seed use it unless LETTER_SEAL_P12 is set.
 * A reader shows its seal as valid but its signer as not trusted: it is nobody's certificate.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import forge from "node-forge";
import { AGENCY } from "./agency";

export const DEMO_SEAL = {
  path: path.resolve("data/demo-seal.p12"),
  /** Published on purpose: the certificate proves nothing, it only shows how a seal looks. */
  passphrase: "demozegel-niet-voor-productie",
};

const VALID_YEARS = 5;

/** A PKCS#12 file with a fresh RSA-2048 key and a self-signed certificate for it. */
export function demoSealCertificate(passphrase: string, now = new Date()): Buffer {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial number: 16 random bytes after a 0x01 byte.
  certificate.serialNumber = `01${randomBytes(16).toString("hex")}`;
  certificate.validity.notBefore = now;
  certificate.validity.notAfter = new Date(now.getTime());
  certificate.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + VALID_YEARS);
  const name = [
    { shortName: "CN", value: `${AGENCY.name} (demozegel)` },
    { shortName: "O", value: `${AGENCY.name} (demo, geen echt zegel)` },
    { shortName: "C", value: "BE" },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
  ]);
  certificate.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [certificate], passphrase, { algorithm: "3des" });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary");
}

/** Writes the demo certificate unless it exists. Returns whether it wrote one. */
export function ensureDemoSealCertificate(file = DEMO_SEAL.path): boolean {
  if (existsSync(file)) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, demoSealCertificate(DEMO_SEAL.passphrase), { mode: 0o600 });
  return true;
}

/**
 * The environment that makes a development process seal with the demo certificate: empty in
 * production, when a seal is configured already, or when there is no demo certificate.
 */
export function demoSealEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (env.NODE_ENV === "production" || env.LETTER_SEAL_P12 || !existsSync(DEMO_SEAL.path)) return {};
  return { LETTER_SEAL_P12: DEMO_SEAL.path, LETTER_SEAL_PASSPHRASE: DEMO_SEAL.passphrase };
}
