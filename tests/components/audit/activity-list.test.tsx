import { render, screen } from "@testing-library/react";
import { ActivityList } from "@/components/audit/activity-list";

describe("Who saw my data", () => {
  it("says who did what, when, and marks emergency access and refusals in words", () => {
    render(
      <ActivityList
        items={[
          { id: "3", occurredAt: new Date("2026-11-23T14:02:00Z"), actor: { kind: "person", id: "c2", name: "Sam Roe (nurse)", role: "NURSE" }, description: "opened your records with emergency access", denied: false, emergency: true },
          { id: "2", occurredAt: new Date("2026-11-23T13:00:00Z"), actor: { kind: "person", id: "c1", name: "Dr. Ana Lee", role: "PHYSICIAN" }, description: "viewed “MRI knee”", denied: false, emergency: false },
          { id: "1", occurredAt: new Date("2026-11-22T09:00:00Z"), actor: { kind: "person", id: "c3", name: "Dr. Bo Kim", role: "PHYSICIAN" }, description: "tried to download “MRI knee” and was refused", denied: true, emergency: false },
        ]}
      />,
    );
    const items = screen.getAllByRole("listitem");
    expect(items[1]).toHaveTextContent(/^Dr\. Ana Lee viewed “MRI knee” on 23 Nov at \d\d:\d\d/);
    expect(items[0]).toHaveTextContent("Emergency access");
    expect(items[2]).toHaveTextContent("Refused");
    expect(items[1]).not.toHaveTextContent("Emergency access");
  });
});
