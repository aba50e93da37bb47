import { isPlausibleServiceDate, isoFromParts } from "@/lib/categorization/rules/calendar";
import { chooseDateOfService } from "@/lib/categorization/rules/date-of-service";
import { findDates, labelFor } from "@/lib/categorization/rules/parse-dates";

const now = new Date("2025-06-01T12:00:00Z");
const dates = (text: string) => findDates(text, now).map((mention) => mention.date);

describe("findDates", () => {
  it.each([
    ["2024-03-05", "2024-03-05"],
    ["2024/3/5", "2024-03-05"],
    ["2022.09.27", "2022-09-27"],
    ["03/05/2024", "2024-03-05"],
    ["3-5-2024", "2024-03-05"],
    ["25/12/2023", "2023-12-25"],
    ["05.03.2024", "2024-03-05"],
    ["03/05/24", "2024-03-05"],
    ["07/07/84", "1984-07-07"],
    ["5 March 2024", "2024-03-05"],
    ["5th Mar. 2024", "2024-03-05"],
    ["05-Mar-2024", "2024-03-05"],
    ["16 September 2022", "2022-09-16"],
    ["12 Sept 2022", "2022-09-12"],
    ["March 5, 2024", "2024-03-05"],
    ["Mar 5th 2024", "2024-03-05"],
    ["Jun 3, 2023", "2023-06-03"],
  ])("reads %s as %s", (text, expected) => {
    expect(dates(`Seen ${text} in clinic`)).toEqual([expected]);
  });

  it("skips impossible dates and keeps several dates on one line apart", () => {
    expect(dates("31/02/2024 and 2023-02-29")).toEqual([]);
    expect(dates("Admitted: 01/03/2024   Discharged: 01/07/2024")).toEqual(["2024-01-03", "2024-01-07"]);
  });

  it("does not read versions, phone numbers or ranges as dates", () => {
    expect(dates("Range 12.0 - 15.5, tel 555-010-2288, ref 1.2.840.10008")).toEqual([]);
  });

  it("attaches the label written before a date, or alone on the line above", () => {
    const [dob, collected] = findDates("DOB: 04/12/1961  Collected: 03/05/2024 08:14", now);
    expect(dob?.label?.rank).toBe("excluded");
    expect(collected?.label?.name).toBe("collected");
    expect(findDates("Date of service\n2024-02-14", now)[0]?.label?.name).toBe("date of service");
    expect(findDates("Date  Description  Amount\n11/02/2022  Office visit  $180.00", now)[0]?.label?.name).toBe("date");
  });

  it("prefers specific labels to the generic 'date'", () => {
    expect(labelFor("Due date:")?.rank).toBe("excluded");
    expect(labelFor("Date of birth:")?.rank).toBe("excluded");
    expect(labelFor("Invoice date:")?.name).toBe("document date");
    expect(labelFor("Date of Service")?.name).toBe("date of service");
    expect(labelFor("Date:")?.name).toBe("date");
    expect(labelFor("Patient: Jane")).toBeUndefined();
  });
});

describe("calendar", () => {
  it("accepts real dates from 1900 up to tomorrow only", () => {
    expect(isoFromParts(2024, 2, 29)).toBe("2024-02-29");
    expect(isoFromParts(2023, 2, 29)).toBeUndefined();
    expect(isPlausibleServiceDate("1899-12-31", now)).toBe(false);
    expect(isPlausibleServiceDate("1900-01-01", now)).toBe(true);
    expect(isPlausibleServiceDate("2025-06-02", now)).toBe(true);
    expect(isPlausibleServiceDate("2025-06-03", now)).toBe(false);
  });
});

describe("chooseDateOfService", () => {
  const text = (value: string) => [{ source: "pdf-text" as const, text: value }];

  it("prefers DICOM, then labelled text, then EXIF, then the file name, then the earliest date", () => {
    const sources = text("Reported: 2024-03-07\nsomething on 2024-01-01");
    expect(chooseDateOfService({ dicomDate: { date: "2024-03-05", tag: "StudyDate" }, sources, exifDate: "2024-03-09", now })?.date).toBe("2024-03-05");
    expect(chooseDateOfService({ sources, exifDate: "2024-03-09", now })?.date).toBe("2024-03-07");
    expect(chooseDateOfService({ sources: text("on 2024-01-01"), exifDate: "2024-03-09", fileNameDate: "2024-02-02", now })).toMatchObject({ date: "2024-03-09", source: "exif" });
    expect(chooseDateOfService({ sources: text("on 2024-01-01"), fileNameDate: "2024-02-02", now })).toMatchObject({ date: "2024-02-02", source: "filename" });
    expect(chooseDateOfService({ sources: text("on 2024-01-01 and 2023-05-05"), now })).toMatchObject({ date: "2023-05-05", source: "pdf-text" });
  });

  it("ranks service labels above generic and related dates, first in reading order within a rank", () => {
    const sources = text("Invoice date: 05/02/2024\nDate: 04/20/2024\nDate of service: 04/11/2024\nCollected: 04/12/2024");
    expect(chooseDateOfService({ sources, now })?.date).toBe("2024-04-11");
    expect(chooseDateOfService({ sources: text("Admission Date: 01/03/2024  Discharge Date: 01/07/2024"), now })?.date).toBe("2024-01-07");
  });

  it("never uses birth, print, due or future dates, nor dates before 1900", () => {
    const sources = text("DOB: 04/12/1961\nPrinted: 2025-01-10\nPayment due by 06/01/2024\nNext appointment: 2024-09-09\nSeen 2031-01-01 and 1850-01-01");
    expect(chooseDateOfService({ sources, now })).toBeUndefined();
    expect(chooseDateOfService({ dicomDate: { date: "2099-01-01", tag: "StudyDate" }, sources: text(""), fileNameDate: "2020-01-01", now })?.date).toBe("2020-01-01");
  });
});
