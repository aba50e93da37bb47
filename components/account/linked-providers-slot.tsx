// "Linked sign-in providers" on the security page (see linked-providers.tsx).
import { LinkedProviders } from "./linked-providers";

export function LinkedProvidersSlot(props: { userId: string }) {
  return <LinkedProviders userId={props.userId} />;
}
