import { render, screen, within } from "@testing-library/react";
import { SiteFooter } from "@/components/shell/site-footer";

describe("SiteFooter", () => {
  it("links to the privacy page from every page", () => {
    render(<SiteFooter />);
    const footer = screen.getByRole("contentinfo");
    expect(within(footer).getByRole("link", { name: "Privacy" })).toHaveAttribute("href", "/privacy");
  });
});
