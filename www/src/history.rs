//! A persistent stack for undo and redo: pushing and popping share the rest, so the app's state can be
//! cloned on every action in constant time however long the history grows.

use std::rc::Rc;

/// The most steps kept; older ones are forgotten.
pub const MAX_STEPS: usize = 200;

/// An immutable stack of `T`; clones share their nodes.
#[derive(Debug)]
pub struct History<T> {
    top: Option<Rc<Node<T>>>,
    len: usize,
}

#[derive(Debug)]
struct Node<T> {
    item: T,
    below: Option<Rc<Node<T>>>,
}

impl<T> Clone for History<T> {
    fn clone(&self) -> History<T> {
        History { top: self.top.clone(), len: self.len }
    }
}

impl<T> Default for History<T> {
    fn default() -> History<T> {
        History { top: None, len: 0 }
    }
}

impl<T> PartialEq for History<T> {
    /// Two histories are equal when they are the same stack (compared by identity, in constant time).
    fn eq(&self, other: &History<T>) -> bool {
        self.len == other.len
            && match (&self.top, &other.top) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

impl<T: Clone> History<T> {
    /// Number of steps held.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there is nothing to go back to.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// This stack with `item` on top, keeping at most [`MAX_STEPS`] steps.
    pub fn push(&self, item: T) -> History<T> {
        let pushed = History { top: Some(Rc::new(Node { item, below: self.top.clone() })), len: self.len + 1 };
        if pushed.len > MAX_STEPS {
            pushed.truncated(MAX_STEPS)
        } else {
            pushed
        }
    }

    /// The top item and the stack below it, or `None` when empty.
    pub fn pop(&self) -> Option<(T, History<T>)> {
        let node = self.top.as_ref()?;
        Some((node.item.clone(), History { top: node.below.clone(), len: self.len - 1 }))
    }

    /// The newest `keep` items (rebuilt; only when the stack outgrows its limit).
    fn truncated(&self, keep: usize) -> History<T> {
        let mut items = Vec::with_capacity(keep);
        let mut node = self.top.as_ref();
        while let Some(current) = node {
            if items.len() == keep {
                break;
            }
            items.push(current.item.clone());
            node = current.below.as_ref();
        }
        items.into_iter().rev().fold(History::default(), |stack, item| History {
            len: stack.len + 1,
            top: Some(Rc::new(Node { item, below: stack.top })),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pushes_pops_and_forgets_the_oldest() {
        let mut stack = History::default();
        for step in 0..MAX_STEPS + 5 {
            stack = stack.push(step);
        }
        assert_eq!(stack.len(), MAX_STEPS);
        let (top, rest) = stack.pop().expect("not empty");
        assert_eq!(top, MAX_STEPS + 4);
        assert_eq!(rest.len(), MAX_STEPS - 1);
        let mut oldest = None;
        let mut walk = stack.clone();
        while let Some((item, below)) = walk.pop() {
            oldest = Some(item);
            walk = below;
        }
        assert_eq!(oldest, Some(5), "the five oldest steps were forgotten");
        assert_eq!(stack.clone(), stack, "clones are the same stack");
    }
}
