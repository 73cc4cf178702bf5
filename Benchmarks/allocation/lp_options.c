/* Solves a CPLEX LP file with chosen GLPK settings and prints iterations and seconds, then optionally a warm
   re-solve after lowering one row's upper bound by a tenth. Used for the option comparisons in
   Benchmarks/README.md ("Allocation"). Build: cc -O2 -o lp_options lp_options.c -lglpk
   usage: lp_options FILE.lp SCALE(0|1) METHOD(p|d|dp) PRESOLVE(0|1) BASIS(s|a|c) PRICING(s|p) RATIO(s|h|f) [ROW] */
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static int hook(void*i,const char*s){(void)i;(void)s;return 1;}
int main(int argc,char**argv){
  if(argc<8){fprintf(stderr,"usage: lp_options FILE.lp SCALE METHOD PRESOLVE BASIS PRICING RATIO [ROW]\n");return 2;}
  glp_term_hook(hook,NULL);
  glp_prob*P=glp_create_prob();
  double t0=now();
  if(glp_read_lp(P,NULL,argv[1])){fprintf(stderr,"read failed\n");return 2;}
  double t1=now();
  if(atoi(argv[2]))glp_scale_prob(P,GLP_SF_AUTO);
  glp_smcp c;glp_init_smcp(&c);c.msg_lev=GLP_MSG_OFF;
  c.meth=argv[3][0]=='p'?GLP_PRIMAL:(argv[3][0]=='d'?GLP_DUAL:GLP_DUALP);
  c.presolve=atoi(argv[4])?GLP_ON:GLP_OFF;
  if(argv[5][0]=='a')glp_adv_basis(P,0);else if(argv[5][0]=='c')glp_cpx_basis(P);
  c.pricing=argv[6][0]=='s'?GLP_PT_STD:GLP_PT_PSE;
  c.r_test=argv[7][0]=='s'?GLP_RT_STD:(argv[7][0]=='h'?GLP_RT_HAR:GLP_RT_FLIP);
  double t2=now();
  int rc=glp_simplex(P,&c);
  double t3=now();
  printf("%s scale=%s meth=%s pre=%s basis=%s price=%s ratio=%s: rc=%d status=%d obj=%.6f it=%d read=%.3f prep=%.3f solve=%.3f",
    argv[1],argv[2],argv[3],argv[4],argv[5],argv[6],argv[7],rc,glp_get_status(P),glp_get_obj_val(P),glp_get_it_cnt(P),t1-t0,t2-t1,t3-t2);
  if(argc>8){
    glp_create_index(P);int r=glp_find_row(P,argv[8]);
    if(!r){fprintf(stderr,"no row\n");return 2;}
    double ub=glp_get_row_ub(P,r);
    glp_set_row_bnds(P,r,GLP_UP,0,ub*0.9);
    int it0=glp_get_it_cnt(P);
    c.meth=GLP_DUALP;c.presolve=GLP_OFF;
    double t4=now();rc=glp_simplex(P,&c);double t5=now();
    printf(" | warm rc=%d obj=%.6f it=%d solve=%.3f",rc,glp_get_obj_val(P),glp_get_it_cnt(P)-it0,t5-t4);
  }
  printf("\n");
  return 0;
}
