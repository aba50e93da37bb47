import { LocalDateTime } from "./local-date-time";

export interface NotificationListItem {
  id: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** The notifications page's list: each item opens the thing concerned (and marks it read), or is marked read in place. */
export function NotificationList({ items, markReadAction }: { items: NotificationListItem[]; markReadAction: (formData: FormData) => Promise<void> }) {
  return (
    <ul aria-label="Notifications" className="flex flex-col gap-3">
      {items.map((item) => {
        const unread = !item.readAt;
        return (
          <li
            key={item.id}
            className={`rounded-2xl border p-4 sm:p-5 ${unread ? "border-accent-600 bg-accent-50" : "border-slate-200 bg-white"}`}
          >
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="text-sm text-slate-600">
                  {unread ? <span className="mr-2 rounded bg-accent-700 px-1.5 py-0.5 text-xs font-semibold text-white">New</span> : null}
                  <LocalDateTime iso={item.createdAt} />
                </p>
                <h2 className="mt-1 font-semibold text-slate-900">
                  {/* A plain link: opening marks it read on the server, and must not be prefetched. */}
                  <a href={`/notifications/open/${item.id}`} className="underline-offset-2 hover:underline focus-visible:underline">
                    {item.title}
                  </a>
                </h2>
                {item.body ? <p className="mt-1 text-slate-700">{item.body}</p> : null}
              </div>
              {unread ? (
                <form method="post" action={markReadAction} className="shrink-0">
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className="min-h-11 rounded-lg px-4 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-white">
                    Mark read<span className="sr-only">: {item.title}</span>
                  </button>
                </form>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
