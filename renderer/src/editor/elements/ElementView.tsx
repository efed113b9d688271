import type { RenderElementProps } from 'slate-react';
import { PhotoElement } from './PhotoElement';
import { TurnElement } from './TurnElement';

export function ElementView(props: RenderElementProps) {
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

export const renderElement = (props: RenderElementProps) => <ElementView {...props} />;
