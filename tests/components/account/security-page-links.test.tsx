// The security page leads to notification preferences and to "Delete my
// account" (a separate page that explains and confirms).
import { render, screen } from "@testing-library/react";
import SecurityPage from "@/app/account/security/page";

jest.mock("@/lib/auth/current-user", () => ({ requireUser: jest.fn() }));
jest.mock("@/lib/auth/two-factor/two-factor-overview", () => ({ twoFactorOverview: jest.fn(async () => ({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 })) }));
jest.mock("@/components/account/linked-providers-slot", () => ({ LinkedProvidersSlot: () => null }));

const { requireUser } = jest.requireMock<{ requireUser: jest.Mock }>("@/lib/auth/current-user");

async function renderFor(role: "PATIENT" | "PHYSICIAN") {
  requireUser.mockResolvedValue({ id: "u1", role, email: "someone@example.test", name: "Someone" });
  render(await SecurityPage({ searchParams: Promise.resolve({}) }));
}

describe("security page links", () => {
  it("has a delete-account section that links to /account/delete and says what it does", async () => {
    await renderFor("PATIENT");
    const section = screen.getByRole("region", { name: "Delete my account" });
    expect(section).toHaveTextContent(/cannot be undone/);
    expect(section).toHaveTextContent(/files and health data are deleted/);
    expect(screen.getByRole("link", { name: /Delete my account/ })).toHaveAttribute("href", "/account/delete");
  });

  it("does not promise a clinician that files are deleted", async () => {
    await renderFor("PHYSICIAN");
    expect(screen.getByRole("region", { name: "Delete my account" })).not.toHaveTextContent(/files and health data/);
  });

  it("links to notification preferences", async () => {
    await renderFor("PATIENT");
    expect(screen.getByRole("link", { name: "Notification preferences" })).toHaveAttribute("href", "/account/notifications");
  });
});
