import { Dots } from '@zendeskgarden/react-loaders';
import { Span } from '@zendeskgarden/react-typography';

/** A loading line: Garden's dots and a text that says what is loading (announced politely to screen readers). */
export default function LoadingState({ label }: { readonly label: string }) {
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <Dots size={16} aria-hidden />
      <Span>{label}</Span>
    </div>
  );
}
