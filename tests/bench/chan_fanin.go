// Fan-in: the same work as chan_fanin.pyro.
package main

import "fmt"

func produce(n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- i
	}
}

func main() {
	c := make(chan int, 100)
	for p := 0; p < 8; p++ {
		go produce(625000, c)
	}
	total := 0
	for i := 0; i < 5000000; i++ {
		total += <-c
	}
	fmt.Println(total)
}
