import { Badge } from '@/components/ui/badge';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import type { ToilImportCheck } from '@/lib/toil/csv';
import { formatMinutes } from '@/lib/toil/minutes';

/** What a CSV would import: a summary, every error by row and column, and the first valid rows. */
export function ImportPreview({ check }: { check: ToilImportCheck }) {
  return (
    <div className="grid gap-4" data-testid="import-preview">
      <p className="text-sm" role="status">
        {check.total} row{check.total === 1 ? '' : 's'}: <strong>{check.valid} valid</strong>
        {check.invalidRows > 0 && (
          <>
            , <strong className="text-destructive">{check.invalidRows} with errors</strong>. Nothing is
            written while a row is bad, unless you choose to import only the valid rows.
          </>
        )}
      </p>
      {check.errors.length > 0 && (
        <Table data-testid="import-errors">
          <THead>
            <tr>
              <Th>Row</Th>
              <Th>Column</Th>
              <Th>Problem</Th>
            </tr>
          </THead>
          <TBody>
            {check.errors.map((e) => (
              <Tr key={`${e.row}-${e.column}-${e.message}`}>
                <Td className="tabular-nums">Row {e.row}</Td>
                <Td>
                  <Badge variant="critical" className="font-mono">
                    {e.column}
                  </Badge>
                </Td>
                <Td>{e.message}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {check.sample.length > 0 && (
        <div className="grid gap-2">
          <h3 className="text-sm font-medium">
            First {check.sample.length} valid row{check.sample.length === 1 ? '' : 's'}
          </h3>
          <Table>
            <THead>
              <tr>
                <Th>Row</Th>
                <Th>Date</Th>
                <Th>Task</Th>
                <Th>Category</Th>
                <Th className="text-right">Time</Th>
                <Th>Service</Th>
                <Th>Flags</Th>
              </tr>
            </THead>
            <TBody>
              {check.sample.map(({ row, value }) => (
                <Tr key={row}>
                  <Td className="tabular-nums text-muted-foreground">{row}</Td>
                  <Td className="tabular-nums">{value.date}</Td>
                  <Td>{value.task}</Td>
                  <Td>{value.category}</Td>
                  <Td className="text-right tabular-nums">{formatMinutes(value.minutes)}</Td>
                  <Td>{value.service ?? '—'}</Td>
                  <Td className="text-xs text-muted-foreground">
                    {[
                      value.interrupt && 'interrupt',
                      value.afterHours && 'after hours',
                      value.automatable !== 'none' && value.automatable,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </div>
  );
}
