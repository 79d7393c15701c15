/** The reviewer's open questions on a report, above its steps and its summary. */
export function InfoQuestions({ questions }: { questions: string }) {
  return (
    <div className="notice notice--warning" role="status">
      <p>Het agentschap vraagt bijkomende informatie over dit verslag:</p>
      <blockquote>{questions}</blockquote>
      <p>Pas het verslag aan en dien het opnieuw in.</p>
    </div>
  );
}
