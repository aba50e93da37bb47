// A short read-only link that makes the browser save the file (attachment),
// issued only after the access check and the "record.downloaded" audit row.
import { issueReadUrl, type IssuedReadUrl, type IssueReadUrlOptions } from "./issue-read-url";

export function issueDownloadUrl(options: IssueReadUrlOptions): Promise<IssuedReadUrl> {
  return issueReadUrl({ ...options, disposition: "attachment", action: "record.downloaded" });
}
