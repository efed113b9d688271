import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../../../shared/model/media-time';
import type { MediaTime } from '../../../../shared/model/schema';
import { usePlayerPort } from '../../media/player-port';

/**
 * A paragraph's time in the margin (`m:ss` or `h:mm:ss`): a button that plays the recording from
 * there, or, with no recording to play, the time alone with a title that says why nothing plays.
 *
 * Outside the text: not editable, and its digits are drawn by CSS from `data-clock`
 * (styles.css `.time-mark::before`), so the DOM holds no text node for them. Copying a selection
 * (slate-react puts the selected DOM's text on the clipboard), find and word counts (which read the
 * document) never see them. Only timed paragraphs render this component; it reads the player port
 * when clicked, never subscribes to the player's clock, so playing re-renders nothing here.
 */
export const TimeMark = memo(function TimeMark({ time }: { time: MediaTime }) {
  const { t } = useTranslation();
  const port = usePlayerPort();
  const clock = formatClock(time.startMs);
  const playable = port.available();
  if (!playable) {
    return <span className="time-mark time-mark-idle" contentEditable={false} data-clock={clock} title={t('mediaTime.noRecording', { time: clock })} />;
  }
  return (
    <button
      type="button"
      className="time-mark"
      contentEditable={false}
      data-clock={clock}
      aria-label={t('mediaTime.playFrom', { time: clock })}
      title={t('mediaTime.playFrom', { time: clock })}
      // Keep the caret where it is: a mouse-down would move Slate's selection into the margin.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => port.seek(time.startMs, time.recording)}
    />
  );
});
