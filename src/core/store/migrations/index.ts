// The ordered list of migrations; add a file and one entry here, never edit a released one.
import type { Migration } from './migration';
import { migration0010 } from './0010-initial';
import { migration0020 } from './0020-transactions-fts';
import { migration0030 } from './0030-audit-log';
import { migration0040 } from './0040-sync-state';
import { migration0050 } from './0050-app-state';
import { migration0060 } from './0060-list-helpers';
import { migration0070 } from './0070-raw-remainder';
import { migration0080 } from './0080-centavos';
import { migration0085 } from './0085-connection-nicknames';
import { migration0100 } from './0100-seen-marks';
import { migration0101 } from './0101-account-watermarks';
import { migration0102 } from './0102-sync-leases';
import { migration0110 } from './0110-bills';
import { migration0120 } from './0120-investments-loans';
import { migration0130 } from './0130-consents-bank-health';
import { migration0140 } from './0140-person-edits';
import { migration0150 } from './0150-balance-snapshots';
import { migration0160 } from './0160-own-moves';

export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0085,
  migration0100,
  migration0101,
  migration0102,
  migration0110,
  migration0120,
  migration0130,
  migration0140,
  migration0150,
  migration0160,
];
