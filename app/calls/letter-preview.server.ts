import { prisma } from "~/db.server";
import { decisionLetterFilename, decisionLetterPdf } from "~/documents/decision-letter.server";
import { letterSettingsOf, type LetterSettings } from "~/documents/letter-texts";
import { sampleLetterInput } from "~/documents/sample-letter";
import { ORGANISATION_KINDS } from "~/domain/organisation";
import { programmeKindSchema } from "~/programmes/programme-form";
import { now } from "~/utils/clock.server";
import { parseJsonObject } from "~/utils/json";

/**
 * A call's decision letter on a made-up dossier (../documents/sample-letter.ts), with the
 * letter texts given (the editor's unsaved ones) or else the saved ones. Reads no dossier.
 */
export async function letterPreviewPdf(callId: string, letter?: LetterSettings): Promise<{ filename: string; content: Buffer } | null> {
  const call = await prisma.call.findUnique({
    where: { id: callId },
    select: {
      title: true,
      year: true,
      opensAt: true,
      closesAt: true,
      settings: true,
      programme: { select: { code: true, name: true, kind: true, legalBasis: true } },
      eligibleKinds: { select: { organisationKind: true } },
    },
  });
  if (!call) return null;
  const settings = parseJsonObject(call.settings);
  const input = sampleLetterInput({
    programme: { ...call.programme, kind: programmeKindSchema.parse(call.programme.kind) },
    call: {
      title: call.title,
      year: call.year,
      opensAt: call.opensAt,
      closesAt: call.closesAt,
      // In the order the portal lists the kinds: a municipality first when the call admits one.
      eligibleKinds: ORGANISATION_KINDS.filter((kind) => call.eligibleKinds.some((k) => k.organisationKind === kind)),
      recognitionStartsOn: typeof settings.recognitionStartsOn === "string" ? settings.recognitionStartsOn : undefined,
    },
    letter: letter ?? letterSettingsOf(settings),
    at: now(),
  });
  return { filename: decisionLetterFilename(input.reference), content: await decisionLetterPdf(input) };
}
