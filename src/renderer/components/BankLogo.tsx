// A bank's logo on its brand colour; when the image cannot load (offline), its initial stands in.
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
      {imageUrl && !failed ? (
        <img src={imageUrl} alt="" onError={() => setFailed(true)} />
      ) : (
        <span>{name.trim().charAt(0).toUpperCase()}</span>
      )}
    </span>
  );
}
