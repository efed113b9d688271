import type { RenderElementProps } from 'slate-react';
import { PhotoElement } from './PhotoElement';
import { TurnElement } from './TurnElement';

/**
 * Slate calls this for every element. It is a plain function, not a component: a component here
 * would add a React fiber and a copy of the props to each of the thousands of paragraphs and
 * turns, for no state of its own (heap that adds up in a long interview). Turns and photos have
 * hooks, so they are components; a paragraph is just its `<p>`.
 */
export function renderElement(props: RenderElementProps) {
  const { element } = props;
  switch (element.type) {
    case 'turn':
      return <TurnElement {...props} element={element} />;
    case 'photo':
      return <PhotoElement {...props} element={element} />;
    case 'paragraph':
      return <p {...props.attributes}>{props.children}</p>;
  }
}
