(** * Sums over the labels [0 .. k-1]

    Everything in this development sums over a finite range of labels.
    [sum_to k f] is [f 0 + f 1 + ... + f (k-1)]; the lemmas below are the
    handful of facts about finite sums that the metric proofs need:
    linearity, exchanging a double sum, and picking one term out. *)

From Coq Require Import Arith Lia.

Fixpoint sum_to (k : nat) (f : nat -> nat) : nat :=
  match k with
  | 0 => 0
  | S k' => sum_to k' f + f k'
  end.

(** Two summands that agree on [0 .. k-1] have the same sum. *)
Lemma sum_to_ext : forall k f g,
  (forall i, i < k -> f i = g i) -> sum_to k f = sum_to k g.
Proof.
  induction k as [| k IH]; intros f g Hfg; simpl.
  - reflexivity.
  - rewrite (IH f g) by (intros; apply Hfg; lia).
    rewrite (Hfg k) by lia. reflexivity.
Qed.

Lemma sum_to_zero : forall k, sum_to k (fun _ => 0) = 0.
Proof. induction k as [| k IH]; simpl; lia. Qed.

Lemma sum_to_zero_ext : forall k f, (forall i, i < k -> f i = 0) -> sum_to k f = 0.
Proof. intros k f H. rewrite (sum_to_ext k f (fun _ => 0)) by exact H. apply sum_to_zero. Qed.

(** Linearity: the sum of a pointwise sum is the sum of the sums. *)
Lemma sum_to_plus : forall k f g,
  sum_to k (fun i => f i + g i) = sum_to k f + sum_to k g.
Proof. induction k as [| k IH]; intros f g; simpl; [reflexivity | rewrite IH; lia]. Qed.

Lemma sum_to_mult_l : forall k c f,
  sum_to k (fun i => c * f i) = c * sum_to k f.
Proof. induction k as [| k IH]; intros c f; simpl; [lia | rewrite IH; lia]. Qed.

(** Exchanging the order of a double sum (rows first = columns first). *)
Lemma sum_to_swap : forall k m (C : nat -> nat -> nat),
  sum_to k (fun a => sum_to m (fun b => C a b))
  = sum_to m (fun b => sum_to k (fun a => C a b)).
Proof.
  induction k as [| k IH]; intros m C; simpl.
  - symmetry. apply sum_to_zero.
  - rewrite IH. rewrite <- sum_to_plus. reflexivity.
Qed.

(** Picking one term out: if only the term at [l] may be non-zero, the sum
    is that term (provided [l] is in range). *)
Lemma sum_to_single : forall k l f,
  l < k -> sum_to k (fun i => if i =? l then f i else 0) = f l.
Proof.
  induction k as [| k IH]; intros l f Hl; simpl; [lia |].
  destruct (Nat.eqb_spec k l) as [-> | Hne].
  - rewrite (sum_to_ext l _ (fun _ => 0)).
    + rewrite sum_to_zero. reflexivity.
    + intros i Hi. destruct (Nat.eqb_spec i l); [lia | reflexivity].
  - rewrite IH by lia. lia.
Qed.

(** Splitting off the diagonal term: the sum over [i <> l] plus the term at
    [l] is the whole sum. *)
Lemma sum_to_except : forall k l f,
  l < k -> sum_to k (fun i => if i =? l then 0 else f i) + f l = sum_to k f.
Proof.
  intros k l f Hl.
  rewrite <- (sum_to_single k l f Hl).
  rewrite <- sum_to_plus. apply sum_to_ext.
  intros i _. destruct (i =? l); lia.
Qed.
