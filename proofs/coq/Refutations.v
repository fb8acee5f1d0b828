(** * Kernel-checked counterexamples to the false beliefs of the catalogue

    Each theorem takes the minimal counterexample that the z3 search of
    [metricproofs prove ID --json] reports (the same dataset, given in the tag
    as scikit-learn arguments), shows that it satisfies the claim's
    hypotheses, and shows by computation in [Q] (the kernel evaluates both
    sides with [vm_compute]) that the claimed equality or inequality is false.
    Datasets are lists of [(true label, predicted label)] samples; multi-label
    datasets are lists of indicator rows [(y, yhat)].

    The tag [(* refutes: ID; y_true = ...; y_pred = ...; labels = ... *)]
    names the claim and the dataset; [metricproofs prove --method coq]
    re-evaluates that dataset with metricproofs.reference before it reports
    "refuted", and [tests/provers/test_coq.py] checks that the tag's dataset
    is the one in the theorem. The two binary MCC claims, whose values involve
    a square root, are refuted in [AnyField.v]. *)

From Coq Require Import Arith Lia List QArith.
From MetricProofs Require Import Sums Definitions MicroAveraging Averages Chance.
Import ListNotations.
Local Open Scope nat_scope.

(** A false equality or inequality between two computable rationals, decided
    by evaluating the boolean test. *)
Lemma Qneq_by_computation : forall x y : Q, Qeq_bool x y = false -> ~ (x == y)%Q.
Proof. intros x y H E. apply Qeq_bool_iff in E. congruence. Qed.

Lemma Qnle_by_computation : forall x y : Q, Qle_bool x y = false -> ~ (x <= y)%Q.
Proof. intros x y H E. apply Qle_bool_iff in E. congruence. Qed.

Ltac refute_eq := apply Qneq_by_computation; vm_compute; reflexivity.
Ltac refute_le := apply Qnle_by_computation; vm_compute; reflexivity.

(** Single-label data: both labels of every sample are below [k]. *)
Ltac check_single_label := unfold single_label; repeat constructor; simpl; lia.

(** A property of every label [l < k] (k at most 4), checked label by label. *)
Ltac check_labels :=
  intros l Hl; do 4 (destruct l as [| l]; [vm_compute; repeat split; lia |]); lia.

(** Each remaining fact about the concrete data, by computation. *)
Ltac check_fact :=
  first [ reflexivity | vm_compute; lia | refute_eq | refute_le | check_labels | check_single_label ].

(** A refutation theorem: unfold the [let]s, split the conjunction, check
    each conjunct by computation. *)
Ltac refute_data :=
  intros; repeat match goal with x := _ |- _ => subst x end;
  repeat match goal with |- _ /\ _ => split end; check_fact.

(** Multi-label rows: 0/1 entries, one per label. *)
Definition indicator_row (k : nat) (r : list nat) : bool :=
  (length r =? k) && forallb (fun v => v <=? 1) r.

Definition indicator_data (k : nat) (rows : indicator_rows) : bool :=
  forallb (fun r => indicator_row k (fst r) && indicator_row k (snd r)) rows.

(** ** Micro averages over a label subset, with abstention, multi-label, top-k *)

(** labels = [1] of labels {0, 1}: [P_S = 1/2], [R_S = 1]. *)
Theorem micro_subset_precision_equals_recall_refuted
  (* refutes: micro-subset-precision-equals-recall;
     y_true = [0, 1]; y_pred = [1, 1]; labels = [1] *) :
  let ds := [(0, 1); (1, 1)] in
  let s := fun l => l =? 1 in
  let C := confusion ds in
  single_label 2 ds /\ s 0 = false /\
  sum_in 2 s (fun l => TP C l + FP 2 C l) > 0 /\ sum_in 2 s (fun l => TP C l + FN 2 C l) > 0 /\
  ~ (micro_precision_in 2 s C == micro_recall_in 2 s C)%Q.
Proof. refute_data. Qed.

(** Two indicator rows: label 0 predicted once wrongly, label 1 right:
    [P = 1/2], [R = 1]. *)
Theorem multilabel_micro_precision_equals_recall_refuted
  (* refutes: multilabel-micro-precision-equals-recall;
     y_true = [[0, 0], [0, 1]]; y_pred = [[1, 0], [0, 1]] *) :
  let rows := [([0; 0], [1; 0]); ([0; 1], [0; 1])] in
  indicator_data 2 rows = true /\
  sum_to 2 (ml_tp rows) + sum_to 2 (ml_fp rows) > 0 /\
  sum_to 2 (ml_tp rows) + sum_to 2 (ml_fn rows) > 0 /\
  ~ (micro_precision_free 2 (ml_tp rows) (ml_fp rows) == micro_recall_free 2 (ml_tp rows) (ml_fn rows))%Q.
Proof. refute_data. Qed.

(** Label 1 is "abstain" (never true, not in S = {0}); one sample abstains:
    [P_S = 1], [R_S = 1/2]. *)
Theorem abstaining_micro_precision_equals_recall_refuted
  (* refutes: abstaining-micro-precision-equals-recall;
     y_true = [0, 0]; y_pred = [0, 1]; labels = [0] *) :
  let ds := [(0, 0); (0, 1)] in
  let s := fun l => l =? 0 in
  let C := confusion ds in
  single_label 2 ds /\ s 0 = true /\ s 1 = false /\ C 1 0 = 0 /\ C 1 1 = 0 /\
  sum_in 2 s (fun l => TP C l + FP 2 C l) > 0 /\ sum_in 2 s (fun l => TP C l + FN 2 C l) > 0 /\
  ~ (micro_precision_in 2 s C == micro_recall_in 2 s C)%Q.
Proof. refute_data. Qed.

(** One sample, true label 1, top-2 prediction {0, 1}: [P = 1/2], [R = 1]. *)
Theorem top_k_micro_precision_equals_recall_refuted
  (* refutes: top-k-micro-precision-equals-recall;
     y_true = [[0, 1]]; y_pred = [[1, 1]] *) :
  let rows := [([0; 1], [1; 1])] in
  indicator_data 2 rows = true /\
  forallb (fun r => (list_sum (fst r) =? 1) && (list_sum (snd r) =? 2)) rows = true /\
  sum_to 2 (ml_tp rows) + sum_to 2 (ml_fp rows) > 0 /\
  ~ (micro_precision_free 2 (ml_tp rows) (ml_fp rows) == micro_recall_free 2 (ml_tp rows) (ml_fn rows))%Q.
Proof. refute_data. Qed.

(** ** Macro and weighted averages *)

(** Macro P = (1/2 + 1) / 2 = 3/4, macro R = (1 + 2/3) / 2 = 5/6. *)
Theorem macro_precision_equals_recall_refuted
  (* refutes: macro-precision-equals-recall;
     y_true = [0, 1, 1, 1]; y_pred = [0, 0, 1, 1] *) :
  let ds := [(0, 0); (1, 0); (1, 1); (1, 1)] in
  let C := confusion ds in
  single_label 2 ds /\
  (forall l, l < 2 -> support 2 C l > 0 /\ TP C l + FP 2 C l > 0) /\
  ~ (macro_precision 2 C == macro_recall 2 C)%Q.
Proof. refute_data. Qed.

(** Support-weighted precision = (2 * 1 + 1 * 1/2) / 3 = 5/6, accuracy 2/3. *)
Theorem weighted_precision_equals_accuracy_refuted
  (* refutes: weighted-precision-equals-accuracy;
     y_true = [0, 0, 1]; y_pred = [0, 1, 1] *) :
  let ds := [(0, 0); (0, 1); (1, 1)] in
  let C := confusion ds in
  single_label 2 ds /\
  (forall l, l < 2 -> support 2 C l > 0 /\ TP C l + FP 2 C l > 0) /\
  ~ (weighted_precision 2 C == accuracy 2 C)%Q.
Proof. refute_data. Qed.

(** Macro F1 = (2/3 + 2/3) / 2 = 2/3; macro P = macro R = 3/4, so
    F1(macro P, macro R) = 3/4. *)
Theorem macro_f1_definitions_agree_refuted
  (* refutes: macro-f1-definitions-agree;
     y_true = [0, 1, 1]; y_pred = [0, 0, 1] *) :
  let ds := [(0, 0); (1, 0); (1, 1)] in
  let C := confusion ds in
  single_label 2 ds /\
  (forall l, l < 2 -> support 2 C l > 0 /\ TP C l + FP 2 C l > 0) /\
  ~ (macro_f1 2 C == f1_of_averages 2 C)%Q.
Proof. refute_data. Qed.

(** The same data: macro F1 = 2/3 is below both macro P = macro R = 3/4. *)
Theorem macro_f1_between_macro_precision_and_recall_refuted
  (* refutes: macro-f1-between-macro-precision-and-recall;
     y_true = [0, 1, 1]; y_pred = [0, 0, 1] *) :
  let ds := [(0, 0); (1, 0); (1, 1)] in
  let C := confusion ds in
  single_label 2 ds /\
  (forall l, l < 2 -> support 2 C l > 0 /\ TP C l + FP 2 C l > 0) /\
  ~ ((macro_precision 2 C <= macro_f1 2 C /\ macro_f1 2 C <= macro_recall 2 C) \/
     (macro_recall 2 C <= macro_f1 2 C /\ macro_f1 2 C <= macro_precision 2 C))%Q.
Proof.
  intros; repeat match goal with x := _ |- _ => subst x end.
  split; [check_fact | split; [check_fact |]].
  intros [[H _] | [H _]]; revert H; refute_le.
Qed.

(** Three labels: micro F1 = accuracy = 3/4, macro F1 = (2/3 + 1 + 2/3) / 3 = 7/9. *)
Theorem micro_f1_at_least_macro_f1_refuted
  (* refutes: micro-f1-at-least-macro-f1;
     y_true = [0, 1, 2, 2]; y_pred = [0, 1, 0, 2] *) :
  let ds := [(0, 0); (1, 1); (2, 0); (2, 2)] in
  let C := confusion ds in
  single_label 3 ds /\
  (forall l, l < 3 -> support 3 C l > 0 /\ TP C l + FP 3 C l > 0) /\
  ~ (macro_f1 3 C <= micro_f1 3 C)%Q.
Proof. refute_data. Qed.

(** Label 1 occurs only in y_pred: balanced accuracy = recall_0 = 1/2, macro
    recall over the default labels {0, 1} = (1/2 + 0) / 2 = 1/4. *)
Theorem balanced_accuracy_equals_macro_recall_refuted
  (* refutes: balanced-accuracy-equals-macro-recall;
     y_true = [0, 0]; y_pred = [0, 1] *) :
  let ds := [(0, 0); (0, 1)] in
  let C := confusion ds in
  single_label 2 ds /\ length ds > 0 /\
  (forall l, l < 2 -> support 2 C l + (TP C l + FP 2 C l) > 0) /\
  ~ (balanced_accuracy 2 C == macro 2 (recall 2 C))%Q.
Proof. refute_data. Qed.

(** ** Kappa *)

(** Both samples wrong: accuracy 0, [p_e = (1 * 1 + 1 * 1) / 4 = 1/2],
    kappa = (0 - 1/2) / (1 - 1/2) = -1. *)
Theorem kappa_equals_accuracy_refuted
  (* refutes: kappa-equals-accuracy; y_true = [0, 1]; y_pred = [1, 0] *) :
  let ds := [(0, 1); (1, 0)] in
  let C := confusion ds in
  single_label 2 ds /\ total 2 C > 0 /\ chance_sum 2 C < total 2 C * total 2 C /\
  ~ (kappa 2 C == accuracy 2 C)%Q.
Proof. refute_data. Qed.

(** ** What the theorems rest on

    The main theorems of this file in one term. [Print Assumptions] of it must
    print "Closed under the global context": no axiom, no admitted lemma, no
    section hypothesis. Every dependency of each member is a dependency of the
    tuple, so the answer holds for each theorem (one walk over the
    dependencies instead of one per theorem: each walk costs about a second). *)
Definition refutation_theorems :=
  (micro_subset_precision_equals_recall_refuted,
   multilabel_micro_precision_equals_recall_refuted,
   abstaining_micro_precision_equals_recall_refuted,
   top_k_micro_precision_equals_recall_refuted,
   macro_precision_equals_recall_refuted,
   weighted_precision_equals_accuracy_refuted,
   macro_f1_definitions_agree_refuted,
   macro_f1_between_macro_precision_and_recall_refuted,
   micro_f1_at_least_macro_f1_refuted,
   balanced_accuracy_equals_macro_recall_refuted,
   kappa_equals_accuracy_refuted).
Print Assumptions refutation_theorems.
