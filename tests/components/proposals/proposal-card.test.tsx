import { render, screen, within } from "@testing-library/react";
import { ProposalCard } from "@/components/proposals/proposal-card";
import type { ListedProposal } from "@/lib/proposals/list-proposals";
import { proposalFieldChanges } from "@/lib/proposals/proposal-fields";

const base: Omit<ListedProposal, "changes" | "subject" | "target"> = {
  id: "p1",
  status: "PENDING",
  createdAt: new Date("2026-11-23T14:02:00Z"),
  decidedAt: null,
  proposedBy: { id: "c1", name: "Ana Lee", role: "PHYSICIAN" },
  patient: { id: "u1", name: "Pat" },
  note: "From the report.",
};

describe("a proposal's before and after", () => {
  it("shows each changed record field with its current and proposed value", () => {
    const changes = proposalFieldChanges({ target: "RECORD_METADATA", before: { category: "OTHER", dateOfService: null }, after: { category: "IMAGING", dateOfService: "2024-03-05" } });
    render(<ProposalCard perspective="patient" proposal={{ ...base, target: "RECORD_METADATA", subject: { kind: "record", id: "r1", name: "MRI knee" }, changes }} />);
    expect(screen.getByRole("heading", { name: "Dr. Ana Lee proposed a change to the record “MRI knee”" })).toBeInTheDocument();
    const category = screen.getByRole("row", { name: /Category/ });
    expect(within(category).getByText("Other")).toBeInTheDocument();
    expect(within(category).getByText("Imaging")).toBeInTheDocument();
    const date = screen.getByRole("row", { name: /Date of service/ });
    expect(within(date).getByText("Not set")).toBeInTheDocument();
    expect(within(date).getByText("5 Mar 2024")).toBeInTheDocument();
    expect(screen.getByText("Waiting for a decision")).toBeInTheDocument();
  });

  it("works the same for health data, labelling fields from their names", () => {
    const changes = proposalFieldChanges({ target: "HEALTH_ENTRY", before: { name: "Ibuprofen", dose: "200 mg", startDate: "2024-01-01" }, after: { name: "Ibuprofen", dose: "400 mg", startDate: "2024-01-01" } });
    expect(changes).toEqual([{ field: "dose", label: "Dose", before: "200 mg", after: "400 mg" }]);
    render(<ProposalCard perspective="patient" proposal={{ ...base, target: "HEALTH_ENTRY", subject: { kind: "health_entry", id: "h1", healthKind: "MEDICATION", isNew: false }, changes }} />);
    expect(screen.getByRole("heading", { name: /a medication entry/ })).toBeInTheDocument();
    expect(within(screen.getByRole("row", { name: /Dose/ })).getByText("400 mg")).toBeInTheDocument();
  });
});
