import type { RenderElementProps } from 'slate-react';
import { PhotoElement } from './PhotoElement';
import { TimeMark } from './TimeMark';
import { TurnElement } from './TurnElement';

/**
 * Slate calls this for every element. It is a plain function, not a component: a component here
 * would add a React fiber and a copy of the props to each of the thousands of paragraphs and
 * turns, for no state of its own (heap that adds up in a long interview). Turns and photos have
 * hooks, so they are components; a paragraph is just its `<p>`, and a timed one (a time in the
 * recording, schema.ts) also its time in the margin, and its `data-time-*` attributes (start, end,
 * recording) for the player to find the paragraph being heard in the recording playing.
 */
export function renderElement(props: RenderElementProps) {
  const { element } = props;
  switch (element.type) {
    case 'turn':
      return <TurnElement {...props} element={element} />;
    case 'photo':
      return <PhotoElement {...props} element={element} />;
    case 'paragraph':
      if (!element.time) return <p {...props.attributes}>{props.children}</p>;
      return (
        <p
          {...props.attributes}
          className="timed"
          data-time-start={element.time.startMs}
          data-time-end={element.time.endMs}
          data-time-recording={element.time.recording}
        >
          <TimeMark time={element.time} />
          {props.children}
        </p>
      );
  }
}
