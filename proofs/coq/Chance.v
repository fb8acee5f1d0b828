(** * Chance-corrected metrics: Cohen's kappa, multi-class MCC, adjusted balanced accuracy

    Main theorems (catalogue ids of DESIGN.md section 3 in brackets):
    - [kappa_at_most_accuracy]   [kappa-at-most-accuracy], every [k]
    - [mcc_symmetric]            [mcc-symmetric], every [k]
    - [binary_adjusted_balanced_accuracy_equals_informedness]
                                 [binary-adjusted-balanced-accuracy-equals-informedness] (k = 2)

    The definitions (trusted, like those of [Definitions.v]) come first. *)

From Coq Require Import Arith Lia ZArith QArith Lqa.
From MetricProofs Require Import Sums Definitions MicroAveraging Averages.
Local Open Scope nat_scope.

(** ** Definitions *)

(** [predicted_l = TP_l + FP_l] (the column sum of [l]). *)
Definition predicted (k : nat) (C : matrix) (l : nat) : nat := TP C l + FP k C l.

(** [X = sum_l support_l predicted_l], [N^2] times the chance agreement [p_e]. *)
Definition chance_sum (k : nat) (C : matrix) : nat :=
  sum_to k (fun l => support k C l * predicted k C l).

(** Cohen's kappa in count form, as in the catalogue:
    [(N trace - X) / (N^2 - X)], which is [(p_o - p_e) / (1 - p_e)] with
    [p_o = trace / N] and [p_e = X / N^2] multiplied by [N^2 / N^2]
    ([kappa_chance_form] below); 0 when the denominator is 0 (where
    scikit-learn returns its [replace_undefined_by] value). *)
Definition kappa (k : nat) (C : matrix) : Q :=
  let N := QN (total k C) in
  let X := QN (chance_sum k C) in
  if Qeq_bool (N * N - X) 0 then 0 else (N * QN (trace k C) - X) / (N * N - X).

(** Multi-class MCC as scikit-learn computes it (Gorodkin's R_K):
    [cov / sqrt(cov_pp * cov_tt)] with
    [cov = N trace - sum_l support_l predicted_l],
    [cov_pp = N^2 - sum_l predicted_l^2], [cov_tt = N^2 - sum_l support_l^2],
    and 0 when [cov_pp * cov_tt = 0]. The three integers are defined here; the
    square root is not (it is not a rational function): MCC is
    [F (cov) (cov_pp * cov_tt)] for the function
    [F c r = if r = 0 then 0 else c / sqrt r], and [mcc_symmetric] holds for
    every function [F]. *)
Definition mcc_cov (k : nat) (C : matrix) : Z :=
  (Z.of_nat (total k C) * Z.of_nat (trace k C) - Z.of_nat (chance_sum k C))%Z.

Definition mcc_pred_spread (k : nat) (C : matrix) : Z :=
  (Z.of_nat (total k C) * Z.of_nat (total k C)
   - Z.of_nat (sum_to k (fun l => predicted k C l * predicted k C l)%nat))%Z.

Definition mcc_true_spread (k : nat) (C : matrix) : Z :=
  (Z.of_nat (total k C) * Z.of_nat (total k C)
   - Z.of_nat (sum_to k (fun l => support k C l * support k C l)%nat))%Z.

Definition mcc_with {A : Type} (F : Z -> Z -> A) (k : nat) (C : matrix) : A :=
  F (mcc_cov k C) (mcc_pred_spread k C * mcc_true_spread k C)%Z.

(** scikit-learn's [balanced_accuracy_score(adjusted=True)]:
    [(B - 1/m) / (1 - 1/m)] with [B] the balanced accuracy and [m] the number
    of labels that occur in y_true (0 when [m = 1], where scikit-learn divides
    by 0). *)
Definition adjusted_balanced_accuracy (k : nat) (C : matrix) : Q :=
  let m := sum_in k (occurs k C) (fun _ => 1) in
  let chance := ratio 1 m in
  if Qeq_bool (1 - chance) 0 then 0 else (balanced_accuracy k C - chance) / (1 - chance).

(** Binary informedness [TPR + TNR - 1] with label 1 positive: [TP = C 1 1],
    [FN = C 1 0], [TN = C 0 0], [FP = C 0 1]. *)
Definition binary_informedness (C : matrix) : Q :=
  ratio (C 1 1) (C 1 1 + C 1 0) + ratio (C 0 0) (C 0 0 + C 0 1) - 1.

(** ** Kappa is at most accuracy *)

Local Open Scope Q_scope.

Lemma trace_le_total : forall k C, (trace k C <= total k C)%nat.
Proof. intros k C. destruct (fp_fn_balance k C) as (H & _). lia. Qed.

(** The count form is the textbook form [(p_o - p_e) / (1 - p_e)]. *)
Lemma kappa_chance_form : forall k C, (total k C > 0)%nat -> (chance_sum k C < total k C * total k C)%nat ->
  let po := accuracy k C in
  let pe := ratio (chance_sum k C) (total k C * total k C) in
  kappa k C == (po - pe) / (1 - pe).
Proof.
  intros k C HN HX po pe. unfold po, pe, kappa, accuracy.
  rewrite !ratio_div by lia. rewrite QN_mul.
  assert (Hn : 0 < QN (total k C)) by (apply QN_pos; lia).
  assert (Hx : QN (chance_sum k C) < QN (total k C) * QN (total k C)).
  { rewrite <- QN_mul. unfold QN. rewrite <- Zlt_Qlt. lia. }
  destruct (Qeq_bool _ 0) eqn:E.
  - apply Qeq_bool_iff in E. lra.
  - assert (0 < QN (total k C) * QN (total k C)) by (apply Qmult_lt_0_compat; lra).
    field. repeat split; lra.
Qed.

(** Proof idea: with [T = trace], [X = sum_l support_l predicted_l] and
    [N > 0], [X < N^2] (that is, [p_e < 1]):
    [T / N - (N T - X) / (N^2 - X) = X (N - T) / (N (N^2 - X))], and
    [X >= 0], [N - T >= 0] (the correct samples are some of the samples),
    [N (N^2 - X) > 0]. *)
Theorem kappa_at_most_accuracy (* catalogue: kappa-at-most-accuracy *) :
  forall k C, (total k C > 0)%nat -> (chance_sum k C < total k C * total k C)%nat ->
  kappa k C <= accuracy k C.
Proof.
  intros k C HN HX. unfold kappa, accuracy. rewrite ratio_div by lia.
  set (n := QN (total k C)). set (x := QN (chance_sum k C)). set (t := QN (trace k C)).
  assert (Hn : 0 < n) by (apply QN_pos; lia).
  assert (Hx0 : 0 <= x) by apply QN_nonneg.
  assert (Hx : x < n * n).
  { unfold x, n. rewrite <- QN_mul. unfold QN. rewrite <- Zlt_Qlt. lia. }
  assert (Ht : t <= n) by (apply QN_le; apply trace_le_total).
  destruct (Qeq_bool (n * n - x) 0) eqn:E.
  - apply Qeq_bool_iff in E. lra.
  - assert (Hd : 0 < n * (n * n - x)) by (apply Qmult_lt_0_compat; lra).
    assert (Gap : t / n - (n * t - x) / (n * n - x) == x * (n - t) / (n * (n * n - x)))
      by (field; split; lra).
    assert (0 <= x * (n - t) / (n * (n * n - x))).
    { apply Qle_shift_div_l; [exact Hd |]. rewrite Qmult_0_l.
      apply Qmult_le_0_compat; lra. }
    lra.
Qed.

(** ** MCC is symmetric in y_true and y_pred *)

(** Transposing swaps support and predicted counts (the row and the column of
    each label) and keeps the trace and [N]. *)
Lemma support_transpose : forall k C l, support k (transpose C) l = predicted k C l.
Proof. reflexivity. Qed.

Lemma predicted_transpose : forall k C l, predicted k (transpose C) l = support k C l.
Proof. reflexivity. Qed.

Lemma total_transpose : forall k C, total k (transpose C) = total k C.
Proof. intros k C. unfold total, transpose. symmetry. apply sum_to_swap. Qed.

Lemma trace_transpose : forall k C, trace k (transpose C) = trace k C.
Proof. reflexivity. Qed.

(** Proof idea: swapping y_true and y_pred transposes [C]: [N] and the trace
    stay, support and predicted counts exchange. So
    [cov = N trace - sum_l support_l predicted_l] is unchanged (each product
    only swaps its factors), and [cov_pp * cov_tt] becomes
    [cov_tt * cov_pp], the same integer. MCC is a function of these two
    integers, so it is unchanged, whatever function is applied (scikit-learn's
    [cov / sqrt(cov_pp cov_tt)], with 0 when the product is 0). *)
Theorem mcc_symmetric (* catalogue: mcc-symmetric *) :
  forall (A : Type) (F : Z -> Z -> A) k C, mcc_with F k (transpose C) = mcc_with F k C.
Proof.
  intros A F k C. unfold mcc_with.
  assert (Hcov : mcc_cov k (transpose C) = mcc_cov k C).
  { unfold mcc_cov, chance_sum. rewrite total_transpose, trace_transpose.
    rewrite (sum_to_ext k (fun l => support k (transpose C) l * predicted k (transpose C) l)%nat
               (fun l => support k C l * predicted k C l)%nat); [reflexivity |].
    intros l _. rewrite support_transpose, predicted_transpose. lia. }
  assert (Hpp : mcc_pred_spread k (transpose C) = mcc_true_spread k C).
  { unfold mcc_pred_spread, mcc_true_spread. rewrite total_transpose. reflexivity. }
  assert (Htt : mcc_true_spread k (transpose C) = mcc_pred_spread k C).
  { unfold mcc_pred_spread, mcc_true_spread. rewrite total_transpose. reflexivity. }
  rewrite Hcov, Hpp, Htt, Z.mul_comm. reflexivity.
Qed.

(** ** Binary: adjusted balanced accuracy is informedness *)

(** Proof idea: with both labels in y_true, balanced accuracy is
    [(TNR + TPR) / 2] (recall of label 0 is TNR, of label 1 TPR), [m = 2],
    chance [1/2], and [((TPR + TNR) / 2 - 1/2) / (1 - 1/2) = TPR + TNR - 1]. *)
Theorem binary_adjusted_balanced_accuracy_equals_informedness
  (* catalogue: binary-adjusted-balanced-accuracy-equals-informedness *) :
  forall C, (support 2 C 0 > 0)%nat -> (support 2 C 1 > 0)%nat ->
  adjusted_balanced_accuracy 2 C == binary_informedness C.
Proof.
  intros C H0 H1.
  assert (O0 : occurs 2 C 0 = true) by (apply Nat.ltb_lt; exact H0).
  assert (O1 : occurs 2 C 1 = true) by (apply Nat.ltb_lt; exact H1).
  assert (S0 : support 2 C 0 = (C 0 0 + C 0 1)%nat) by (unfold support, FN, TP; simpl; lia).
  assert (S1 : support 2 C 1 = (C 1 1 + C 1 0)%nat) by (unfold support, FN, TP; simpl; lia).
  unfold adjusted_balanced_accuracy, balanced_accuracy, macro_in, sum_in, binary_informedness,
    recall.
  simpl sum_to. rewrite O0, O1. simpl. rewrite O0, O1, S0, S1. unfold TP.
  set (r1 := ratio (C 1%nat 1%nat) (C 1%nat 1%nat + C 1%nat 0%nat)).
  set (r0 := ratio (C 0%nat 0%nat) (C 0%nat 0%nat + C 0%nat 1%nat)).
  change (ratio 1 2) with (1 / 2). change (QN 2) with 2.
  field.
Qed.

(** ** What the theorems rest on

    The main theorems of this file in one term. [Print Assumptions] of it must
    print "Closed under the global context": no axiom, no admitted lemma, no
    section hypothesis. Every dependency of each member is a dependency of the
    tuple, so the answer holds for each theorem (one walk over the
    dependencies instead of one per theorem: each walk costs about a second). *)
Definition chance_theorems :=
  (kappa_at_most_accuracy,
   kappa_chance_form,
   mcc_symmetric,
   binary_adjusted_balanced_accuracy_equals_informedness).
Print Assumptions chance_theorems.
