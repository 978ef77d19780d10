import { viewToSearchParams } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';

/** The view as hidden inputs, so a plain GET form (a search box) keeps the filters it was opened with. */
export function HiddenViewFields({ view }: { view: View }) {
  return (
    <>
      {[...viewToSearchParams({ ...view, cursor: undefined, detail: undefined })].map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
