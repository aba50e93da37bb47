// SLOT: "Linked sign-in providers" on the security page. A colleague adds the
// real section (link/unlink Google, Facebook, Apple); until then it renders
// nothing, so the page only shows what works.
export function LinkedProvidersSlot(props: { userId: string }) {
  void props;
  return null;
}
