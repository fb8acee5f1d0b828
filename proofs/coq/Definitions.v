(** * Definitions: the setting of DESIGN.md, section 2

    This file, together with [Sums.v], is the trusted part of the
    development: the theorems in [MicroAveraging.v] are only as meaningful as
    these definitions are faithful to DESIGN.md section 2 (and to
    scikit-learn). Everything here is a plain definition; there are no
    lemmas and no proofs to trust.

    Labels are the naturals [0 .. k-1]. Rows are true labels, columns are
    predicted labels, as in scikit-learn's [confusion_matrix]. *)

From Coq Require Import Arith List QArith.
From MetricProofs Require Import Sums.
Import ListNotations.
Local Open Scope nat_scope.

(** ** Confusion matrices

    A k x k confusion matrix is any function [C : nat -> nat -> nat]; only
    its entries [C a b] with [a, b < k] are ever read. [C a b] counts the
    samples whose true label is [a] and whose predicted label is [b]. *)

Definition matrix := nat -> nat -> nat.

(** [TP_l = C[l][l]] *)
Definition TP (C : matrix) (l : nat) : nat := C l l.

(** [FP_l = sum_{a < k, a <> l} C[a][l]]: predicted [l], truly something else. *)
Definition FP (k : nat) (C : matrix) (l : nat) : nat :=
  sum_to k (fun a => if a =? l then 0 else C a l).

(** [FN_l = sum_{b < k, b <> l} C[l][b]]: truly [l], predicted something else. *)
Definition FN (k : nat) (C : matrix) (l : nat) : nat :=
  sum_to k (fun b => if b =? l then 0 else C l b).

(** [support_l = TP_l + FN_l] (the number of samples whose true label is [l]). *)
Definition support (k : nat) (C : matrix) (l : nat) : nat := TP C l + FN k C l.

(** [N = sum of all entries of C]. *)
Definition total (k : nat) (C : matrix) : nat :=
  sum_to k (fun a => sum_to k (fun b => C a b)).

(** [trace(C) = sum_l C[l][l]] (the number of correct predictions). *)
Definition trace (k : nat) (C : matrix) : nat := sum_to k (fun l => C l l).

(** ** Datasets

    A sample is a pair [(true label, predicted label)]; a weighted sample is
    a triple [(true label, predicted label, weight)] with a natural weight. *)

Definition sample : Type := (nat * nat)%type.
Definition wsample : Type := (nat * nat * nat)%type.

(** The single-label hypothesis: every sample carries exactly one true and
    one predicted label, both in the label set [0 .. k-1]. *)
Definition single_label (k : nat) (ds : list sample) : Prop :=
  Forall (fun s => fst s < k /\ snd s < k) ds.

Definition wsingle_label (k : nat) (ds : list wsample) : Prop :=
  Forall (fun s => fst (fst s) < k /\ snd (fst s) < k) ds.

(** [C[a][b] = number of samples with (true, pred) = (a, b)]. *)
Fixpoint confusion (ds : list sample) (a b : nat) : nat :=
  match ds with
  | [] => 0
  | (t, p) :: rest => (if (t =? a) && (p =? b) then 1 else 0) + confusion rest a b
  end.

(** [C[a][b] = sum_i w_i [t_i = a and p_i = b]]. *)
Fixpoint wconfusion (ds : list wsample) (a b : nat) : nat :=
  match ds with
  | [] => 0
  | (t, p, w) :: rest => (if (t =? a) && (p =? b) then w else 0) + wconfusion rest a b
  end.

(** Sample-level counts, read off the list without any matrix. *)
Fixpoint correct (ds : list sample) : nat :=
  match ds with
  | [] => 0
  | (t, p) :: rest => (if t =? p then 1 else 0) + correct rest
  end.

Fixpoint errors (ds : list sample) : nat :=
  match ds with
  | [] => 0
  | (t, p) :: rest => (if t =? p then 0 else 1) + errors rest
  end.

Fixpoint wtotal (ds : list wsample) : nat :=
  match ds with
  | [] => 0
  | (_, _, w) :: rest => w + wtotal rest
  end.

Fixpoint wcorrect (ds : list wsample) : nat :=
  match ds with
  | [] => 0
  | (t, p, w) :: rest => (if t =? p then w else 0) + wcorrect rest
  end.

Fixpoint werrors (ds : list wsample) : nat :=
  match ds with
  | [] => 0
  | (t, p, w) :: rest => (if t =? p then 0 else w) + werrors rest
  end.

(** ** Metrics, as rationals

    [ratio n d] is the fraction [n / d] in [Q], with scikit-learn's
    [zero_division=0] rule: a zero denominator gives 0. *)

Local Open Scope Q_scope.

Definition QN (n : nat) : Q := inject_Z (Z.of_nat n).

Definition ratio (n d : nat) : Q := if (d =? 0)%nat then 0 else QN n / QN d.

(** Finite sums of rationals over the labels. *)
Fixpoint sumQ (k : nat) (f : nat -> Q) : Q :=
  match k with
  | O => 0
  | S k' => sumQ k' f + f k'
  end.

(** Micro precision [P = sum_l TP_l / sum_l (TP_l + FP_l)] over all labels. *)
Definition micro_precision (k : nat) (C : matrix) : Q :=
  ratio (sum_to k (TP C)) (sum_to k (fun l => TP C l + FP k C l)%nat).

(** Micro recall [R = sum_l TP_l / sum_l (TP_l + FN_l)] over all labels. *)
Definition micro_recall (k : nat) (C : matrix) : Q :=
  ratio (sum_to k (TP C)) (sum_to k (fun l => TP C l + FN k C l)%nat).

(** Accuracy [= trace(C) / N]. *)
Definition accuracy (k : nat) (C : matrix) : Q := ratio (trace k C) (total k C).

(** [F_beta = (1 + beta^2) P R / (beta^2 P + R)], 0 when the denominator is 0;
    [F1] is [F_beta] at [beta = 1], written out as [2 P R / (P + R)]. *)
Definition f_beta (beta : Q) (P R : Q) : Q :=
  if Qeq_bool (beta * beta * P + R) 0 then 0
  else (1 + beta * beta) * P * R / (beta * beta * P + R).

Definition f1 (P R : Q) : Q :=
  if Qeq_bool (P + R) 0 then 0 else 2 * P * R / (P + R).

Definition micro_f1 (k : nat) (C : matrix) : Q :=
  f1 (micro_precision k C) (micro_recall k C).

Definition micro_fbeta (beta : Q) (k : nat) (C : matrix) : Q :=
  f_beta beta (micro_precision k C) (micro_recall k C).

(** Per-label recall [TP_l / support_l] and precision [TP_l / (TP_l + FP_l)]. *)
Definition recall (k : nat) (C : matrix) (l : nat) : Q :=
  ratio (TP C l) (support k C l).

Definition precision (k : nat) (C : matrix) (l : nat) : Q :=
  ratio (TP C l) (TP C l + FP k C l)%nat.

(** Support-weighted mean recall (scikit-learn's [average='weighted']):
    [sum_l support_l * recall_l / sum_l support_l], 0 when every support is 0. *)
Definition weighted_recall (k : nat) (C : matrix) : Q :=
  let W := sum_to k (support k C) in
  if (W =? 0)%nat then 0
  else sumQ k (fun l => QN (support k C l) * recall k C l) / QN W.

(** The dual: precision weighted by the predicted count [TP_l + FP_l]. *)
Definition prediction_weighted_precision (k : nat) (C : matrix) : Q :=
  let W := sum_to k (fun l => TP C l + FP k C l)%nat in
  if (W =? 0)%nat then 0
  else sumQ k (fun l => QN (TP C l + FP k C l)%nat * precision k C l) / QN W.
