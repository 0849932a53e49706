'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { LazyMarkdown } from '@/components/markdown/lazy-markdown';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/input';
import {
  type PostmortemSections,
  SECTION_KEYS,
  SECTION_TITLES,
  type SectionKey,
} from '@/lib/incidents/types';

interface Doc {
  title: string;
  sections: PostmortemSections;
}
interface Draft extends Doc {
  baseVersion: number;
}
type SaveState = 'saved' | 'unsaved' | 'saving' | 'offline' | 'conflict' | 'error';

const DEBOUNCE_MS = 800;
const draftKey = (id: string) => `postmortem-draft:${id}`;
const same = (a: Doc, b: Doc) =>
  a.title === b.title && SECTION_KEYS.every((k) => (a.sections[k] ?? '') === (b.sections[k] ?? ''));

function readDraft(id: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(id));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

const LABEL: Record<SaveState, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  offline: 'Offline — kept on this device, will retry',
  conflict: 'Someone else changed this postmortem',
  error: 'Not saved',
};

/**
 * The postmortem editor: debounced autosave of every section, a local draft kept until
 * the server acknowledges it, and a merge view when someone else saved first.
 */
export function PostmortemEditor({ id, initial, version }: { id: string; initial: Doc; version: number }) {
  const [doc, setDoc] = useState<Doc>(initial);
  const [state, setState] = useState<SaveState>('saved');
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState(false);
  const [theirs, setTheirs] = useState<(Doc & { version: number }) | null>(null);
  const base = useRef(version);
  const latest = useRef(doc);
  const acknowledged = useRef<Doc>(initial);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const theirsRef = useRef<(Doc & { version: number }) | null>(null);

  const save = useCallback(async () => {
    if (inFlight.current || theirsRef.current) return;
    const sending = latest.current;
    if (same(sending, acknowledged.current)) {
      setState('saved');
      return;
    }
    inFlight.current = true;
    setState('saving');
    try {
      const res = await fetch(`/postmortems/${id}/save`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...sending, expectedVersion: base.current }),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        base.current = body.version;
        acknowledged.current = sending;
        if (same(latest.current, sending)) {
          localStorage.removeItem(draftKey(id));
          setState('saved');
        } else {
          localStorage.setItem(
            draftKey(id),
            JSON.stringify({ ...latest.current, baseVersion: base.current }),
          );
          setState('unsaved');
          timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
        }
      } else if (res.status === 409 && body.current) {
        theirsRef.current = body.current;
        setTheirs(body.current);
        setState('conflict');
      } else {
        setState('error');
        setMessage(body.error ?? `The server answered ${res.status}`);
      }
    } catch {
      setState('offline');
    } finally {
      inFlight.current = false;
    }
  }, [id]);

  const change = (next: Doc) => {
    latest.current = next;
    setDoc(next);
    localStorage.setItem(draftKey(id), JSON.stringify({ ...next, baseVersion: base.current }));
    if (theirsRef.current) return;
    setState('unsaved');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  };

  // A draft left by a reload or a lost connection comes back; on an older version it is a conflict.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once on mount
  useEffect(() => {
    const draft = readDraft(id);
    if (!draft || same(draft, initial)) {
      localStorage.removeItem(draftKey(id));
      return;
    }
    const mine = { title: draft.title, sections: { ...initial.sections, ...draft.sections } };
    latest.current = mine;
    setDoc(mine);
    if (draft.baseVersion === version) {
      setState('unsaved');
      void save();
    } else {
      const server = { ...initial, version };
      theirsRef.current = server;
      setTheirs(server);
      setState('conflict');
    }
  }, []);

  useEffect(() => {
    const retry = () => void save();
    window.addEventListener('online', retry);
    const interval = setInterval(() => {
      if (latest.current !== acknowledged.current && !inFlight.current && !theirsRef.current) void save();
    }, 5000);
    return () => {
      window.removeEventListener('online', retry);
      clearInterval(interval);
    };
  }, [save]);

  const setSection = (k: SectionKey, v: string) =>
    change({ ...latest.current, sections: { ...latest.current.sections, [k]: v } });

  const resolveConflict = () => {
    if (!theirs) return;
    base.current = theirs.version;
    acknowledged.current = { title: theirs.title, sections: theirs.sections };
    theirsRef.current = null;
    setTheirs(null);
    localStorage.setItem(draftKey(id), JSON.stringify({ ...latest.current, baseVersion: base.current }));
    void save();
  };

  return (
    <div className="grid gap-4">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-2 border-b bg-background/95 py-2">
        <output
          aria-live="polite"
          data-testid="save-state"
          data-state={state}
          className="text-sm text-muted-foreground"
        >
          {LABEL[state]}
          {state === 'error' && message ? `: ${message}` : ''}
        </output>
        <Button type="button" variant="outline" onClick={() => setPreview((p) => !p)}>
          {preview ? 'Edit' : 'Preview'}
        </Button>
      </div>
      {theirs ? <ConflictView mine={doc} theirs={theirs} onChange={change} onDone={resolveConflict} /> : null}
      <label htmlFor="pm-title" className="grid gap-1 text-sm font-medium">
        Title
        <Input
          id="pm-title"
          value={doc.title}
          maxLength={200}
          onChange={(e) => change({ ...latest.current, title: e.target.value })}
        />
      </label>
      {SECTION_KEYS.map((k) => (
        <section key={k} className="grid gap-1" aria-labelledby={`h-${k}`}>
          <div className="flex items-center justify-between">
            <h2 id={`h-${k}`} className="font-semibold">
              {SECTION_TITLES[k]}
            </h2>
            {k === 'fiveWhys' && !preview ? (
              <Button
                type="button"
                variant="ghost"
                onClick={() => {
                  const lines = doc.sections.fiveWhys.split('\n').filter((l) => l.trim());
                  setSection('fiveWhys', [...lines, `${lines.length + 1}. Why? `].join('\n'));
                }}
              >
                Ask why again
              </Button>
            ) : null}
          </div>
          {preview ? (
            <div className="rounded-md border p-3" data-testid={`preview-${k}`}>
              <LazyMarkdown>{doc.sections[k] || '_(empty)_'}</LazyMarkdown>
            </div>
          ) : (
            <Textarea
              aria-labelledby={`h-${k}`}
              name={k}
              value={doc.sections[k]}
              rows={k === 'timeline' || k === 'impact' ? 8 : 4}
              onChange={(e) => setSection(k, e.target.value)}
              className="font-mono text-sm"
            />
          )}
        </section>
      ))}
    </div>
  );
}

function ConflictView({
  mine,
  theirs,
  onChange,
  onDone,
}: {
  mine: Doc;
  theirs: Doc & { version: number };
  onChange: (d: Doc) => void;
  onDone: () => void;
}) {
  const differing = SECTION_KEYS.filter((k) => (mine.sections[k] ?? '') !== (theirs.sections[k] ?? ''));
  return (
    <section role="alert" aria-label="Conflict" className="grid gap-3 rounded-lg border border-critical p-4">
      <h2 className="font-semibold">Someone else saved this postmortem while you were editing</h2>
      <p className="text-sm text-muted-foreground">
        Nothing was overwritten. Merge the texts below (your version is in the editor), then save the merge.
      </p>
      {mine.title !== theirs.title ? <p className="text-sm">Their title: {theirs.title}</p> : null}
      {differing.map((k) => (
        <div key={k} className="grid gap-2 md:grid-cols-2" data-testid={`conflict-${k}`}>
          <div>
            <h3 className="text-sm font-medium">{SECTION_TITLES[k]} — yours</h3>
            <pre
              className="max-h-48 overflow-auto whitespace-pre-wrap rounded bg-muted p-2 text-xs"
              data-testid="mine"
            >
              {mine.sections[k]}
            </pre>
          </div>
          <div>
            <h3 className="text-sm font-medium">{SECTION_TITLES[k]} — theirs</h3>
            <pre
              className="max-h-48 overflow-auto whitespace-pre-wrap rounded bg-muted p-2 text-xs"
              data-testid="theirs"
            >
              {theirs.sections[k]}
            </pre>
            <Button
              type="button"
              variant="outline"
              className="mt-1"
              onClick={() => onChange({ ...mine, sections: { ...mine.sections, [k]: theirs.sections[k] } })}
            >
              Take theirs
            </Button>
          </div>
        </div>
      ))}
      <div>
        <Button type="button" onClick={onDone}>
          Save my merged version
        </Button>
      </div>
    </section>
  );
}
