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

(** [ratio_or z n d] is [n / d] with any zero-division value [z] (scikit-learn's
    [zero_division] may be 0, 1 or nan; a claim that holds "whatever the value" is
    stated for every [z]). [ratio] is [ratio_or 0]. *)
Definition ratio_or (z : Q) (n d : nat) : Q := if (d =? 0)%nat then z else QN n / QN d.

(** Per-label recall [TP_l / support_l] and precision [TP_l / (TP_l + FP_l)]. *)
Definition recall (k : nat) (C : matrix) (l : nat) : Q :=
  ratio (TP C l) (support k C l).

Definition precision (k : nat) (C : matrix) (l : nat) : Q :=
  ratio (TP C l) (TP C l + FP k C l)%nat.

Definition recall_or (z : Q) (k : nat) (C : matrix) (l : nat) : Q :=
  ratio_or z (TP C l) (support k C l).

Definition precision_or (z : Q) (k : nat) (C : matrix) (l : nat) : Q :=
  ratio_or z (TP C l) (TP C l + FP k C l)%nat.

(** Support-weighted mean recall (scikit-learn's [average='weighted']):
    [sum_l support_l * recall_l / sum_l support_l], 0 when every support is 0;
    a label with no support has recall [z] (any zero-division value). *)
Definition weighted_recall (z : Q) (k : nat) (C : matrix) : Q :=
  let W := sum_to k (support k C) in
  if (W =? 0)%nat then 0
  else sumQ k (fun l => QN (support k C l) * recall_or z k C l) / QN W.

(** The dual: precision weighted by the predicted count [TP_l + FP_l]; a label
    that is never predicted has precision [z]. *)
Definition prediction_weighted_precision (z : Q) (k : nat) (C : matrix) : Q :=
  let W := sum_to k (fun l => TP C l + FP k C l)%nat in
  if (W =? 0)%nat then 0
  else sumQ k (fun l => QN (TP C l + FP k C l)%nat * precision_or z k C l) / QN W.

(** Support-weighted precision (the false belief [weighted-precision-equals-accuracy]). *)
Definition weighted_precision (k : nat) (C : matrix) : Q :=
  let W := sum_to k (support k C) in
  if (W =? 0)%nat then 0
  else sumQ k (fun l => QN (support k C l) * precision k C l) / QN W.

(** ** Label sets, macro averages and the other metrics of the catalogue *)

(** A label set [S] is a predicate [s : nat -> bool] on [0 .. k-1]; a sum over
    [S] adds the terms of the labels in [S] only. *)
Definition sum_in (k : nat) (s : nat -> bool) (f : nat -> nat) : nat :=
  sum_to k (fun l => if s l then f l else 0)%nat.

(** Micro precision and recall over a label set (scikit-learn's [labels=]). *)
Definition micro_precision_in (k : nat) (s : nat -> bool) (C : matrix) : Q :=
  ratio (sum_in k s (TP C)) (sum_in k s (fun l => TP C l + FP k C l)%nat).

Definition micro_recall_in (k : nat) (s : nat -> bool) (C : matrix) : Q :=
  ratio (sum_in k s (TP C)) (sum_in k s (fun l => TP C l + FN k C l)%nat).

(** Micro Jaccard [sum TP / sum (TP + FP + FN)]. *)
Definition micro_jaccard (k : nat) (C : matrix) : Q :=
  ratio (sum_to k (TP C)) (sum_to k (TP C) + sum_to k (FP k C) + sum_to k (FN k C))%nat.

(** One-vs-rest accuracy of label [l]: [(N - FP_l - FN_l) / N]. *)
Definition ovr_accuracy (k : nat) (C : matrix) (l : nat) : Q :=
  if (total k C =? 0)%nat then 0
  else (QN (total k C) - QN (FP k C l) - QN (FN k C l)) / QN (total k C).

(** The unweighted mean over the labels [0 .. k-1] (0 when [k = 0]). *)
Definition macro (k : nat) (f : nat -> Q) : Q :=
  if (k =? 0)%nat then 0 else sumQ k f / QN k.

(** The unweighted mean over the labels in [S] (0 when [S] is empty). *)
Definition macro_in (k : nat) (s : nat -> bool) (f : nat -> Q) : Q :=
  let size := sum_in k s (fun _ => 1%nat) in
  if (size =? 0)%nat then 0 else sumQ k (fun l => if s l then f l else 0) / QN size.

(** Per-label F1 in scikit-learn's count form [2 TP_l / (support_l + predicted_l)]. *)
Definition f1_label (k : nat) (C : matrix) (l : nat) : Q :=
  ratio (2 * TP C l)%nat (support k C l + (TP C l + FP k C l))%nat.

(** Macro F1 (mean of per-label F1) and the F1 of macro precision and macro recall. *)
Definition macro_f1 (k : nat) (C : matrix) : Q := macro k (f1_label k C).

Definition macro_precision (k : nat) (C : matrix) : Q := macro k (precision k C).

Definition macro_recall (k : nat) (C : matrix) : Q := macro k (recall k C).

Definition f1_of_averages (k : nat) (C : matrix) : Q :=
  f1 (macro_precision k C) (macro_recall k C).

(** Balanced accuracy (scikit-learn's [balanced_accuracy_score]): the mean recall
    over the labels that occur in y_true ([support_l > 0]). *)
Definition occurs (k : nat) (C : matrix) (l : nat) : bool := (0 <? support k C l)%nat.

Definition balanced_accuracy (k : nat) (C : matrix) : Q :=
  macro_in k (occurs k C) (recall k C).

(** ** Multi-label data

    Free per-label counts [tp l], [fp l], [fn l] (every non-negative triple per
    label is the multi-label confusion of some dataset). A multi-label dataset is
    a list of rows [(y, yhat)] of 0/1 indicators, one entry per label. *)

Definition micro_precision_free (k : nat) (tp fp : nat -> nat) : Q :=
  ratio (sum_to k tp) (sum_to k tp + sum_to k fp)%nat.

Definition micro_recall_free (k : nat) (tp fn : nat -> nat) : Q :=
  ratio (sum_to k tp) (sum_to k tp + sum_to k fn)%nat.

Definition indicator_rows : Type := list (list nat * list nat).

Fixpoint rows_sum (rows : indicator_rows) (f : nat -> nat -> nat) (l : nat) : nat :=
  match rows with
  | [] => 0%nat
  | (y, yhat) :: rest => (f (nth l y 0) (nth l yhat 0) + rows_sum rest f l)%nat
  end.

(** [TP_l = sum_i y_il yhat_il], [FP_l = sum_i (1 - y_il) yhat_il],
    [FN_l = sum_i y_il (1 - yhat_il)]. *)
Definition ml_tp (rows : indicator_rows) : nat -> nat := rows_sum rows (fun y p => y * p)%nat.
Definition ml_fp (rows : indicator_rows) : nat -> nat := rows_sum rows (fun y p => (1 - y) * p)%nat.
Definition ml_fn (rows : indicator_rows) : nat -> nat := rows_sum rows (fun y p => y * (1 - p))%nat.
