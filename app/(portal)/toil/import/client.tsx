'use client';

import { FileCheck2, Upload } from 'lucide-react';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { ImportPreview } from '@/components/toil/import-preview';
import type { Option } from '@/components/toil/types';
import { Button } from '@/components/ui/button';
import { Label, Select, Textarea } from '@/components/ui/input';
import type { ToilImportCheck } from '@/db/toil/import';
import { importToilCsvAction, previewToilImportAction } from './actions';

function formOf(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

/** Choose or paste a CSV, check it (nothing written), then import all rows or, explicitly, only the valid ones. */
export function ImportForm({ teams, team: initialTeam }: { teams: Option[]; team: string }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [team, setTeam] = useState(initialTeam);
  const [check, setCheck] = useState<{ text: string; result: ToilImportCheck } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const current = check && check.text === text ? check.result : null;

  function preview() {
    setDone(null);
    startTransition(async () => {
      const state = await previewToilImportAction(null, formOf({ csv: text }));
      if (state?.ok && state.data) {
        setCheck({ text, result: state.data });
        setProblems([]);
      } else {
        setCheck(null);
        setProblems(state?.fieldErrors?.csv ?? [state?.message ?? 'The file could not be read']);
      }
    });
  }

  function runImport(validOnly: boolean) {
    startTransition(async () => {
      const state = await importToilCsvAction(
        null,
        formOf({ csv: text, team, validOnly: String(validOnly) }),
      );
      if (state?.ok) {
        toast.success(state.message);
        setDone(state.message ?? 'Imported');
        setText('');
        setFileName('');
        setCheck(null);
      } else {
        toast.error(state?.message ?? 'Nothing was imported');
        setProblems(state?.fieldErrors?.csv ?? state?.fieldErrors?.team ?? []);
      }
    });
  }

  return (
    <div className="grid gap-5">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_14rem]">
        <div className="grid gap-1.5">
          <Label htmlFor="csv-file">CSV file</Label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            className="text-sm file:mr-3 file:rounded-md file:border file:bg-card file:px-3 file:py-1.5 file:text-sm"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              setText(await file.text());
              setProblems([]);
            }}
          />
        </div>
        {teams.length > 1 && (
          <div className="grid gap-1.5">
            <Label htmlFor="import-team">Team</Label>
            <Select id="import-team" value={team} onChange={(e) => setTeam(e.target.value)}>
              {team === '' && <option value="">Choose…</option>}
              {teams.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="csv">…or paste it</Label>
        <Textarea
          id="csv"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setFileName('');
          }}
          rows={8}
          spellCheck={false}
          className="font-mono text-xs"
          placeholder="date,task,category,minutes,service,interrupt,after_hours,automatable,notes"
        />
        {fileName && <p className="text-xs text-muted-foreground">Loaded {fileName}</p>}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" disabled={pending || text.trim() === ''} onClick={preview}>
          <FileCheck2 aria-hidden /> Check file
        </Button>
        {current && (
          <Button
            type="button"
            disabled={pending || current.errors.length > 0}
            onClick={() => runImport(false)}
          >
            <Upload aria-hidden /> Import {current.total} entr{current.total === 1 ? 'y' : 'ies'}
          </Button>
        )}
        {current && current.errors.length > 0 && current.valid > 0 && (
          <Button type="button" variant="outline" disabled={pending} onClick={() => runImport(true)}>
            Import only the {current.valid} valid row{current.valid === 1 ? '' : 's'}
          </Button>
        )}
      </div>
      {problems.length > 0 && (
        <ul
          role="alert"
          className="grid gap-1 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive"
        >
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {done && (
        <p className="rounded-md border border-healthy/40 bg-healthy/10 p-3 text-sm" role="status">
          {done}.{' '}
          <Link href="/toil/entries" className="underline">
            See the entries
          </Link>
        </p>
      )}
      {current && <ImportPreview check={current} />}
    </div>
  );
}
