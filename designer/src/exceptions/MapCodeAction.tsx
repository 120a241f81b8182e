import { useState } from 'react';
import type { ExceptionEntry } from '../api';
import { useT } from '../i18n';
import type { Notice } from '../shell/Banner';
import { can } from '../shell/permissions';
import { useMe } from '../shell/session';
import { mapNotice } from './mapCode';
import { MapCodeDialog } from './MapCodeDialog';
import { canRemap } from './remap';

/** The codes an open UnmappedSku entry waits on that nothing maps yet, as the server lists them. */
export function unmappedCodes(entry: ExceptionEntry): string[] {
  return canRemap(entry) ? (entry.waitingOnCodes ?? []).filter(c => c.trim()) : [];
}

/**
 * 映射商家编码 on an exception entry waiting on unmapped codes: a button that opens the dialog, for those who may change goods
 * (ops leads, admins). `onDone` hears what mapping did, as a banner notice; `names` turns order ids into platform order ids.
 */
export function MapCodeAction({ entry, names, onDone }: {
  entry: ExceptionEntry;
  names?: ReadonlyMap<number, string>;
  onDone: (notice: Notice) => void;
}) {
  const t = useT();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const codes = unmappedCodes(entry);
  if (!can(me, 'catalog') || codes.length === 0) return null;
  return (
    <>
      <button type="button" onClick={e => { e.stopPropagation(); setOpen(true); }}
        title={t('mapCode.actionTitle')}>{t('mapCode.action')}</button>
      {open && (
        <MapCodeDialog codes={codes} onClose={() => setOpen(false)}
          onMapped={result => { setOpen(false); onDone(mapNotice(result, t, names)); }} />
      )}
    </>
  );
}
