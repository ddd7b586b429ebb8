// A bank's logo on its brand colour (a data: URL the core keeps, never a remote image); else its initial.
import { useState } from 'react';

export function BankLogo({
  name,
  imageUrl,
  color,
}: {
  name: string;
  imageUrl: string | null;
  color: string | null;
}) {
  const [failed, setFailed] = useState(false);
  const background = color && /^[0-9a-f]{3,8}$/i.test(color) ? `#${color}` : 'var(--muted)';
  return (
    <span className="bank-logo" style={{ background }} aria-hidden="true">
      {imageUrl?.startsWith('data:image/') && !failed ? (
        <img src={imageUrl} alt="" onError={() => setFailed(true)} />
      ) : (
        <span>{name.trim().charAt(0).toUpperCase()}</span>
      )}
    </span>
  );
}
