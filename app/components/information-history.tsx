import { formatDateTime } from "~/utils/time-format";

type InformationRequest = {
  id: string;
  questions: string;
  askedAt: string;
  dueAt: string;
  answer: string | null;
  answeredAt: string | null;
  files: Array<{ id: string; fileName: string }>;
};

/** Every request for more information and its answer, oldest first: the same for both sides. */
export function InformationHistory({ requests }: { requests: InformationRequest[] }) {
  if (requests.length === 0) return <p>Er werd geen bijkomende informatie gevraagd.</p>;
  return (
    <ol className="information-history">
      {requests.map((request) => (
        <li key={request.id}>
          <p>
            <strong>Vraag van het agentschap</strong> ({formatDateTime(request.askedAt)}, antwoorden tegen {formatDateTime(request.dueAt)})
          </p>
          <p className="prose">{request.questions}</p>
          {request.answer ? (
            <>
              <p>
                <strong>Antwoord</strong> ({request.answeredAt ? formatDateTime(request.answeredAt) : ""})
              </p>
              <p className="prose">{request.answer}</p>
              {request.files.length > 0 ? (
                <ul>
                  {request.files.map((file) => (
                    <li key={file.id}>
                      <a href={`/bijlagen/${file.id}`}>{file.fileName}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : (
            <p>Nog niet beantwoord.</p>
          )}
        </li>
      ))}
    </ol>
  );
}
